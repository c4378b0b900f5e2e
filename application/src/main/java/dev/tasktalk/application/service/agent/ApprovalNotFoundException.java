package dev.tasktalk.application.service.agent;

import dev.tasktalk.domain.shared.NotFoundException;

/** A confirmation click names no approval of this owner in this thread. */
public class ApprovalNotFoundException extends NotFoundException {

  public ApprovalNotFoundException(String approvalId) {
    super("confirmation " + approvalId + " not found");
  }
}
