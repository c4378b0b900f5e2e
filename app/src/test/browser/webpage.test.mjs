// The web page in a real browser: Debian's Chromium driven by playwright-core (no browser download).
// Run by WebPageIT, which passes BASE_URL, TOKEN, SCREENSHOT_DIR and CHROMIUM. Lines it prints that start
// with "NEED " ask the IT to prepare something (queue model replies); the IT answers with one line on
// stdin. The last line is "PASS" when every step passed.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const { BASE_URL, TOKEN, SCREENSHOT_DIR = "target/screenshots", CHROMIUM = "/usr/bin/chromium" } = process.env;
if (!BASE_URL || !TOKEN) throw new Error("BASE_URL and TOKEN are required");
const TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 30000);

const stdinLines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function need(what) {
  console.log(`NEED ${what}`);
  const { value, done } = await stdinLines.next();
  if (done || value.trim() !== "ready") throw new Error(`the IT did not prepare ${what}: ${value}`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

mkdirSync(SCREENSHOT_DIR, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "tasktalk-chromium-"));
// A fresh, empty profile every run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let step = 0;
let page;
async function shot(name) {
  step += 1;
  const file = join(SCREENSHOT_DIR, `${String(step).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}

try {
  context.setDefaultTimeout(TIMEOUT);
  page = context.pages()[0] || await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") console.log(`console error: ${m.text()}`); });

  // 1. Sign in with a pasted token (the IT's server has dev login off). On a slow first load the form
  // must not act before the server has said whether it runs dev login: hold that answer back a moment.
  let releaseHealth;
  const healthHeld = new Promise((resolve) => { releaseHealth = resolve; });
  await page.route("**/api/chatkit/health", async (route) => { await healthHeld; await route.continue(); });
  await page.goto(BASE_URL);
  const signIn = page.getByRole("button", { name: "Sign in", exact: true });
  await signIn.waitFor();
  expect(await signIn.isDisabled(), "Sign in waits until the server has said how to sign in");
  releaseHealth();
  const tokenBox = page.getByLabel("Token", { exact: true });
  await tokenBox.waitFor();
  expect(await signIn.isEnabled(), "Sign in works once the server has answered");
  await page.unroute("**/api/chatkit/health");
  await shot("sign-in");
  await tokenBox.fill(TOKEN);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await message.waitFor();
  const tasks = page.getByRole("list", { name: "Tasks", exact: true });
  await page.getByText("No tasks yet.").waitFor();
  expect(await tasks.getByRole("listitem").count() === 0, "a new user starts with no tasks");
  await shot("signed-in");

  // 2. Ask for a task: the streamed answer appears and the task shows in the list.
  await message.fill("add a task to buy milk");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const log = page.getByRole("log");
  await log.getByText("add a task to buy milk").first().waitFor();
  await log.getByText("Added task ‘Buy milk’").first().waitFor(); // the workflow (tool call)
  await log.getByText("I added ‘Buy milk’ to your list.").first().waitFor();
  await tasks.getByRole("listitem").filter({ hasText: "Buy milk" }).waitFor();
  await page.getByRole("button", { name: "Stop", exact: true }).waitFor({ state: "hidden" });
  const conversations = page.getByRole("list", { name: "Conversations", exact: true });
  await conversations.getByRole("listitem").first().waitFor();
  await shot("task-added");

  // 3. Delete it through the confirmation widget.
  await need("delete");
  await message.fill("delete the milk task");
  await message.press("Enter"); // the keyboard path
  const confirm = page.getByRole("button", { name: "Confirm", exact: true });
  await confirm.waitFor();
  expect(await page.getByRole("button", { name: "Cancel", exact: true }).isVisible(), "the widget offers Cancel");
  expect(await tasks.getByRole("listitem").count() === 1, "nothing is deleted before the user confirms");
  await shot("confirmation");
  await confirm.click();
  await log.getByText("Deleted ‘Buy milk’.").first().waitFor();
  await page.getByText("No tasks yet.").waitFor();
  expect(await tasks.getByRole("listitem").count() === 0, "the task is gone from the list");
  await shot("task-deleted");

  // 4. A task added elsewhere (another tab, an MCP client, another instance) appears without a refresh.
  const added = await fetch(new URL("/api/tasks", BASE_URL), {
    method: "POST", headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "Added elsewhere" }),
  });
  expect(added.status === 201, `the task was created elsewhere (HTTP ${added.status})`);
  await tasks.getByRole("listitem").filter({ hasText: "Added elsewhere" }).waitFor();
  await shot("task-added-elsewhere");
  const id = (await added.json()).id;
  const gone = await fetch(new URL(`/api/tasks/${id}`, BASE_URL), { method: "DELETE", headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(gone.status === 204, `the task was deleted elsewhere (HTTP ${gone.status})`);
  await page.getByText("No tasks yet.").waitFor();

  // 5. Reload: the conversation reopens by itself, intact.
  await page.reload();
  await message.waitFor();
  for (const text of ["add a task to buy milk", "I added ‘Buy milk’ to your list.", "delete the milk task", "Deleted ‘Buy milk’."]) {
    await log.getByText(text).first().waitFor();
  }
  await conversations.locator('li[aria-current="true"]').waitFor();
  await shot("reloaded");

  // 6. Phone-sized screen: everything still reachable.
  await page.setViewportSize({ width: 390, height: 844 });
  await message.waitFor();
  expect(await page.getByRole("button", { name: "Send", exact: true }).isVisible(), "Send is visible on a phone");
  await shot("phone");

  expect(pageErrors.length === 0, `errors on the page: ${pageErrors.join("; ")}`);
  console.log("PASS");
} catch (e) {
  if (page) await shot("failure").catch(() => {});
  console.error(`FAIL step ${step + 1}: ${e.stack || e}`);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  process.stdin.destroy();
}
