/**
 * Use cases ({@code port.in}), the ports the application needs from the outside world ({@code
 * port.out}) and the plain-Java services implementing the use cases. No framework types live here.
 */
package dev.tasktalk.application;
