// Tasktalk's chat page: speaks the ChatKit protocol at POST /chatkit directly (no framework, no build).
"use strict";
(() => {
  const TOKEN_KEY = "tasktalk.token";
  const USER_KEY = "tasktalk.user";
  const THREAD_KEY = "tasktalk.thread";
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : v);
    }
    node.append(...children.filter((c) => c !== null && c !== undefined));
    return node;
  };

  const state = {
    token: localStorage.getItem(TOKEN_KEY),
    threadId: localStorage.getItem(THREAD_KEY),
    devLogin: false,
    signInMode: null, // the pending answer to "does this server run dev login?" while sign-in shows
    controller: null, // the AbortController of the running stream
    items: new Map(), // item id -> { item, node }
    turn: null, // the running or last request: { type, params, userItemId }
  };

  // ---- HTTP -------------------------------------------------------------------------------------

  class HttpError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  async function api(path, options = {}) {
    const headers = { Accept: "application/json", ...(options.headers || {}) };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, { ...options, headers });
    if (res.status === 401) { signOut("Your session has ended; please sign in again."); throw new HttpError(401, "unauthorized"); }
    const text = await res.text();
    const body = text ? safeJson(text) : null;
    if (!res.ok) throw new HttpError(res.status, errorMessage(body) || `HTTP ${res.status}`);
    return body;
  }

  const safeJson = (text) => { try { return JSON.parse(text); } catch { return null; } };
  const errorMessage = (body) => body && (body.message || (body.error && (body.error.message || body.error)));
  // Calls onFrame with each server-sent event of a streamed response body, until it ends.
  async function readFrames(res, onFrame) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        onFrame(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
      }
    }
  }
  const chatkit = (type, params = {}) => api("/chatkit", { method: "POST", body: JSON.stringify({ type, params }) });

  // ---- sign in ----------------------------------------------------------------------------------

  async function showSignIn(message) {
    $("app-view").hidden = true;
    $("who").hidden = $("sign-out").hidden = true;
    $("signin-view").hidden = false;
    $("signin-error").textContent = message || "";
    // Until the server says whether it runs dev login, a typed name could be taken for a token:
    // the form waits for the answer (the button is disabled and a submit awaits it too).
    const button = $("signin-form").querySelector("button[type=submit]");
    button.disabled = true;
    state.signInMode = fetch("/api/chatkit/health").then((r) => r.json())
      .then((health) => String(health?.auth?.mode || "").includes("dev-login"), () => false);
    state.devLogin = await state.signInMode;
    button.disabled = false;
    const input = $("signin-input");
    $("signin-label").textContent = state.devLogin ? "User" : "Token";
    input.type = state.devLogin ? "text" : "password";
    input.autocomplete = state.devLogin ? "username" : "off";
    input.value = state.devLogin ? localStorage.getItem(USER_KEY) || "" : "";
    $("signin-help").textContent = state.devLogin
      ? "Dev login: any user name gets a token."
      : "Paste a bearer token (JWT) this server accepts.";
    input.focus();
  }

  $("signin-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const value = $("signin-input").value.trim();
    if (!value) return;
    $("signin-error").textContent = "";
    state.devLogin = await state.signInMode;
    try {
      if (state.devLogin) {
        const res = await fetch("/api/dev/token", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ user: value }),
        });
        const body = await res.json().catch(() => null);
        if (!res.ok || !body?.token) throw new Error(errorMessage(body) || `sign-in failed (HTTP ${res.status})`);
        localStorage.setItem(USER_KEY, value);
        state.token = body.token;
      } else {
        state.token = value.replace(/^Bearer\s+/i, "");
      }
      await api("/api/tasks?limit=1"); // checks the token
      localStorage.setItem(TOKEN_KEY, state.token);
      await start();
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 401)) $("signin-error").textContent = err.message;
      else $("signin-error").textContent = "That token was refused.";
      state.token = null;
    }
  });

  function signOut(message) {
    state.controller?.abort();
    stopWatchingTasks();
    state.token = null;
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(THREAD_KEY);
    state.threadId = null;
    unmountChatKit();
    clearLog();
    showSignIn(message);
  }
  $("sign-out").addEventListener("click", () => signOut());

  function subjectOf(token) {
    try { return JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))).sub; } catch { return null; }
  }

  async function start() {
    $("signin-view").hidden = true;
    $("app-view").hidden = false;
    const sub = subjectOf(state.token);
    $("who").textContent = sub ? `Signed in as ${sub}` : "Signed in";
    $("who").hidden = $("sign-out").hidden = false;
    watchTasks();
    if (chatkitUi.wanted && !chatkitUi.failed && (chatkitUi.element || await mountChatKit())) {
      await refreshTasks();
      return;
    }
    if (chatkitUi.failed) showChatKitFallback();
    await Promise.all([refreshTasks(), refreshThreads()]);
    if (state.threadId) await openThread(state.threadId, { quiet: true });
    else newThread();
    $("message").focus();
  }

  // ---- tasks ------------------------------------------------------------------------------------

  async function refreshTasks() {
    let body;
    try { body = await api("/api/tasks?status=all&limit=200"); } catch (err) { setStatus(`Could not load tasks: ${err.message}`); return; }
    const items = body?.items || [];
    const list = $("task-list");
    list.replaceChildren(...items.map((t) => {
      const meta = [t.completed ? "done" : null, t.priority && t.priority !== "medium" ? `${t.priority} priority` : null,
        t.due ? `due ${t.due}` : null].filter(Boolean).join(" · ");
      return el("li", { class: t.completed ? "done" : "", "data-id": t.id },
        el("span", { class: "title", text: t.title }),
        meta ? el("span", { class: `meta ${t.priority === "high" ? "prio-high" : ""}`, text: meta }) : null);
    }));
    $("task-empty").hidden = items.length > 0;
  }
  $("refresh-tasks").addEventListener("click", refreshTasks);

  // Live task list: an event each time this user's tasks change, on any instance ("ready" after a reconnect).
  const feed = {};
  function watchTasks() {
    stopWatchingTasks();
    const controller = feed.controller = new AbortController();
    fetch("/api/tasks/events", { headers: { Authorization: `Bearer ${state.token}` }, signal: controller.signal })
      .then((res) => res.ok && readFrames(res, (f) => {
        if (/^event:/m.test(f)) { clearTimeout(feed.refresh); feed.refresh = setTimeout(refreshTasks, 100); }
      }))
      .catch(() => {})
      .then(() => { if (feed.controller === controller) feed.retry = setTimeout(watchTasks, 3000); });
  }
  function stopWatchingTasks() {
    clearTimeout(feed.retry);
    feed.controller?.abort();
    feed.controller = null;
  }

  // ---- conversations ----------------------------------------------------------------------------

  async function refreshThreads() {
    let page;
    try { page = await chatkit("threads.list", { limit: 50, order: "desc" }); } catch (err) { setStatus(`Could not load conversations: ${err.message}`); return; }
    const threads = page?.data || [];
    $("thread-list").replaceChildren(...threads.map(threadRow));
    $("thread-empty").hidden = threads.length > 0;
  }

  function threadRow(thread) {
    const title = thread.title || "Untitled conversation";
    return el("li", { "data-id": thread.id, "aria-current": thread.id === state.threadId ? "true" : "false" },
      el("button", { class: "open", type: "button", text: title, title, onclick: () => openThread(thread.id) }),
      el("button", { class: "small", type: "button", text: "✎", title: "Rename", "aria-label": `Rename ${title}`, onclick: () => renameThread(thread) }),
      el("button", { class: "small danger", type: "button", text: "✕", title: "Delete", "aria-label": `Delete ${title}`, onclick: () => deleteThread(thread) }));
  }

  function markCurrentThread() {
    for (const li of $("thread-list").children) li.setAttribute("aria-current", String(li.dataset.id === state.threadId));
  }

  async function renameThread(thread) {
    const title = prompt("New name for this conversation", thread.title || "");
    if (title === null || !title.trim()) return;
    try {
      await chatkit("threads.update", { thread_id: thread.id, title: title.trim() });
      if (thread.id === state.threadId) $("chat-title").textContent = title.trim();
      await refreshThreads();
    } catch (err) { setStatus(`Rename failed: ${err.message}`); }
  }

  async function deleteThread(thread) {
    if (!confirm(`Delete “${thread.title || "Untitled conversation"}”?`)) return;
    try {
      await chatkit("threads.delete", { thread_id: thread.id });
      if (thread.id === state.threadId) newThread();
      await refreshThreads();
    } catch (err) { setStatus(`Delete failed: ${err.message}`); }
  }

  function setThread(id) {
    state.threadId = id;
    if (id) localStorage.setItem(THREAD_KEY, id); else localStorage.removeItem(THREAD_KEY);
    markCurrentThread();
  }

  function newThread() {
    if (state.controller) return;
    setThread(null);
    clearLog();
    $("chat-title").textContent = "New conversation";
    $("message").focus();
  }
  $("new-thread").addEventListener("click", newThread);

  async function openThread(id, { quiet = false } = {}) {
    if (state.controller) return;
    let thread;
    try { thread = await chatkit("threads.get_by_id", { thread_id: id }); } catch (err) {
      if (quiet) { newThread(); return; }
      setStatus(`Could not open the conversation: ${err.message}`);
      return;
    }
    const items = [...(thread.items?.data || [])];
    let page = thread.items;
    while (page?.has_more && page.after) {
      page = await chatkit("items.list", { thread_id: id, after: page.after, limit: 100, order: "asc" }).catch(() => null);
      items.push(...(page?.data || []));
    }
    setThread(thread.id);
    clearLog();
    $("chat-title").textContent = thread.title || "New conversation";
    items.forEach((item) => renderItem(item));
    scrollDown();
  }

  // ---- the chat log -----------------------------------------------------------------------------

  function clearLog() {
    state.items.clear();
    $("log").replaceChildren();
    setStatus("");
  }

  const setStatus = (text) => { $("status").textContent = text; };
  const scrollDown = () => { const log = $("log"); log.scrollTop = log.scrollHeight; };
  const textOf = (content) => (content || []).map((part) => part.text || "").join("");

  function renderItem(item, { streaming = false } = {}) {
    const existing = state.items.get(item.id);
    const node = buildItem(item, streaming);
    if (!node) { state.items.set(item.id, { item, node: existing?.node || null }); return; }
    if (existing?.node) existing.node.replaceWith(node); else $("log").append(node);
    state.items.set(item.id, { item, node });
  }

  function buildItem(item, streaming) {
    switch (item.type) {
      case "user_message":
        return el("div", { class: "msg user", "data-item": item.id },
          el("span", { class: "visually-hidden", text: "You: " }), textOf(item.content),
          ...(item.attachments || []).map(attachmentView));
      case "assistant_message":
        return el("div", { class: `msg assistant${streaming ? " streaming" : ""}`, "data-item": item.id },
          el("span", { class: "visually-hidden", text: "Assistant: " }), el("span", { class: "text", text: textOf(item.content) }));
      case "workflow": return buildWorkflow(item);
      case "widget": return buildWidget(item);
      case "task":
        return el("div", { class: "workflow", "data-item": item.id, text: item.task?.title || "" });
      default:
        return null; // end_of_turn, hidden context, client tool calls: nothing to show
    }
  }

  function attachmentView(a) {
    if (typeof a !== "object" || !a) return null;
    if (a.type === "image" && a.preview_url) return el("img", { src: a.preview_url, alt: a.name || "image" });
    return el("div", { class: "attachment", text: `Attachment: ${a.name || a.id}` });
  }

  function buildWorkflow(item) {
    const wf = item.workflow || {};
    const tasks = wf.tasks || [];
    return el("div", { class: "workflow", "data-item": item.id },
      wf.summary?.title ? el("div", { text: wf.summary.title }) : null,
      el("ul", { "aria-label": "Assistant steps" },
        ...tasks.map((t) => el("li", { class: t.status_indicator || "", text: t.title || t.name || "step" }))));
  }

  function buildWidget(item) {
    const card = item.widget || {};
    const box = el("div", { class: "widget", "data-item": item.id });
    const walk = (node) => {
      if (!node || typeof node !== "object") return;
      if (node.type === "Text" || node.type === "Title" || node.type === "Markdown" || node.type === "Caption") {
        box.append(el("p", { text: node.value || "" }));
      } else if (node.type === "Button" && node.onClickAction) {
        box.append(actionButton(item, node.label || "OK", node.onClickAction));
      }
      (node.children || []).forEach(walk);
    };
    walk(card);
    const buttons = ["confirm", "cancel"].filter((k) => card[k]?.action)
      .map((k) => actionButton(item, card[k].label || k, card[k].action, k === "confirm" ? "primary" : ""));
    if (buttons.length) box.append(el("div", { class: "actions" }, ...buttons));
    return box;
  }

  function actionButton(item, label, action, cls = "") {
    return el("button", { type: "button", class: cls, text: label, onclick: (e) => {
      e.currentTarget.closest(".widget")?.querySelectorAll("button").forEach((b) => { b.disabled = true; });
      stream("threads.custom_action", { thread_id: state.threadId || item.thread_id, item_id: item.id, action });
    } });
  }

  function applyUpdate(itemId, update) {
    const entry = state.items.get(itemId);
    if (!entry) return;
    const { item } = entry;
    switch (update.type) {
      case "assistant_message.content_part.added":
        item.content = item.content || [];
        item.content[update.content_index ?? 0] = update.content;
        break;
      case "assistant_message.content_part.text_delta": {
        item.content = item.content || [];
        const i = update.content_index ?? 0;
        item.content[i] = item.content[i] || { type: "output_text", text: "" };
        item.content[i].text += update.delta;
        const span = entry.node?.querySelector(".text");
        if (span) { span.textContent = textOf(item.content); scrollDown(); return; }
        break;
      }
      case "assistant_message.content_part.done":
        item.content = item.content || [];
        item.content[update.content_index ?? 0] = update.content;
        break;
      case "workflow.task.added":
      case "workflow.task.updated":
        item.workflow = item.workflow || { tasks: [] };
        item.workflow.tasks = item.workflow.tasks || [];
        item.workflow.tasks[update.task_index] = update.task;
        break;
      case "widget.root.updated":
        item.widget = update.widget;
        break;
      default:
        return;
    }
    renderItem(item, { streaming: item.type === "assistant_message" });
    scrollDown();
  }

  // Retry: after a stored user message, the server's retry_after_item; when the request was refused
  // before anything was stored (e.g. "a response is already in progress"), the same request again.
  function showError(code, message, allowRetry) {
    const box = el("div", { class: "error-box", role: "alert" }, el("span", { text: message || code || "Something went wrong." }));
    const turn = state.turn;
    if (allowRetry && turn) {
      const again = turn.userItemId && state.threadId
        ? () => stream("threads.retry_after_item", { thread_id: state.threadId, item_id: turn.userItemId })
        : () => stream(turn.type, turn.params);
      box.append(el("button", { type: "button", text: "Retry", onclick: () => { box.remove(); again(); } }));
    }
    $("log").append(box);
    scrollDown();
  }

  function handleEvent(event) {
    switch (event.type) {
      case "thread.created":
        setThread(event.thread.id);
        $("chat-title").textContent = event.thread.title || "New conversation";
        refreshThreads();
        break;
      case "thread.updated":
        if (event.thread?.title) $("chat-title").textContent = event.thread.title;
        refreshThreads();
        break;
      case "thread.item.added":
        renderItem(event.item, { streaming: event.item.type === "assistant_message" });
        scrollDown();
        break;
      case "thread.item.done":
      case "thread.item.replaced":
        if (event.item.type === "user_message" && state.turn) state.turn.userItemId = event.item.id;
        renderItem(event.item);
        scrollDown();
        break;
      case "thread.item.updated":
        applyUpdate(event.item_id, event.update);
        break;
      case "thread.item.removed": {
        const entry = state.items.get(event.item_id);
        entry?.node?.remove();
        state.items.delete(event.item_id);
        break;
      }
      case "progress_update":
        setStatus(event.text || "Working…");
        break;
      case "notice":
        $("log").append(el("div", { class: "notice", role: "note", text: [event.title, event.message].filter(Boolean).join(": ") }));
        break;
      case "error":
        showError(event.code, event.message, event.allow_retry);
        break;
      default:
        break; // stream_options, client_effect: nothing to do here
    }
  }

  // ---- attachments (two-phase upload: attachments.create, then PUT the bytes) ------------------------

  const pending = []; // { id, name, ready }
  function renderPending() {
    $("pending").replaceChildren(...pending.map((a) => el("li", {},
      el("span", { text: a.ready ? a.name : `${a.name} (uploading…)` }),
      el("button", { type: "button", text: "✕", "aria-label": `Remove ${a.name}`, onclick: () => removePending(a) }))));
  }
  function removePending(a) {
    pending.splice(pending.indexOf(a), 1);
    if (a.id) chatkit("attachments.delete", { attachment_id: a.id }).catch(() => {});
    renderPending();
  }
  $("attach").addEventListener("change", async (e) => {
    const files = [...e.target.files];
    e.target.value = "";
    for (const file of files) {
      const entry = { id: null, name: file.name, ready: false };
      pending.push(entry);
      renderPending();
      try {
        const created = await chatkit("attachments.create",
          { name: file.name, size: file.size, mime_type: file.type || "application/octet-stream" });
        entry.id = created.id;
        const upload = created.upload_descriptor;
        if (upload) {
          const res = await fetch(upload.url, { method: upload.method || "PUT", body: file,
            headers: { ...(upload.headers || {}), "Content-Type": file.type || "application/octet-stream", Authorization: `Bearer ${state.token}` } });
          if (!res.ok) throw new Error(errorMessage(safeJson(await res.text())) || `HTTP ${res.status}`);
        }
        entry.ready = true;
      } catch (err) {
        pending.splice(pending.indexOf(entry), 1);
        setStatus(`Could not attach ${file.name}: ${err.message}`);
      }
      renderPending();
    }
  });

  // ---- streaming --------------------------------------------------------------------------------

  function setBusy(busy) {
    $("send").disabled = busy;
    $("stop").hidden = !busy;
    $("new-thread").disabled = busy;
    if (!busy) setStatus("");
  }

  async function stream(type, params) {
    if (state.controller) return;
    const controller = new AbortController();
    state.controller = controller;
    // What this request was, for Retry; a retry keeps the user message it retries after.
    state.turn = { type, params, userItemId: type === "threads.retry_after_item" ? params.item_id : null };
    setBusy(true);
    setStatus("Assistant is answering…");
    let stopped = false;
    try {
      const res = await fetch("/chatkit", {
        method: "POST", signal: controller.signal,
        headers: { "Content-Type": "application/json", Accept: "text/event-stream", Authorization: `Bearer ${state.token}` },
        body: JSON.stringify({ type, params }),
      });
      if (res.status === 401) { signOut("Your session has ended; please sign in again."); return; }
      if (!res.ok || !(res.headers.get("Content-Type") || "").includes("text/event-stream")) {
        const body = safeJson(await res.text());
        showError(body?.error?.code || String(res.status), errorMessage(body) || `The server answered HTTP ${res.status}.`, true);
        return;
      }
      await readFrames(res, (frame) => {
        const data = frame.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).replace(/^ /, "")).join("\n");
        const event = data && safeJson(data);
        if (event) handleEvent(event);
      });
    } catch (err) {
      if (err.name === "AbortError") stopped = true;
      else showError("network", `Connection problem: ${err.message}`, true);
    } finally {
      state.controller = null;
      setBusy(false);
      document.querySelectorAll(".msg.streaming").forEach((n) => n.classList.remove("streaming"));
      if (stopped) $("log").append(el("div", { class: "notice", role: "note", text: "Stopped." }));
      refreshTasks();
      if (state.threadId) refreshThreads();
    }
  }

  $("stop").addEventListener("click", () => { state.controller?.abort(); $("message").focus(); });

  $("composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const box = $("message");
    const text = box.value.trim();
    if (pending.some((a) => !a.ready)) { setStatus("Wait for the attachments to finish uploading."); return; }
    if ((!text && !pending.length) || state.controller) return;
    box.value = "";
    const attachments = pending.splice(0).map((a) => a.id);
    renderPending();
    const input = { content: text ? [{ type: "input_text", text }] : [], attachments, inference_options: {} };
    if (state.threadId) stream("threads.add_user_message", { thread_id: state.threadId, input });
    else stream("threads.create", { input });
  });

  $("message").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("composer").requestSubmit(); }
    if (e.key === "Escape" && state.controller) state.controller.abort();
  });

  // ---- ChatKit mode ------------------------------------------------------------------------------
  // With TASKTALK_UI=chatkit the server puts <meta name="tasktalk-ui" content="chatkit"> in the head;
  // after sign-in the page then shows OpenAI's <openai-chatkit> element (loaded from data-script-url)
  // pointed at our /chatkit, beside our own task list. If the script fails to load, or does not define
  // the element in time, the page says so and uses its own chat.

  const UI = document.querySelector('meta[name="tasktalk-ui"]');
  const CHATKIT_TIMEOUT_MS = 10000;
  const chatkitUi = { wanted: UI?.content === "chatkit", element: null, failed: null, loading: null };

  function loadChatKitScript() {
    chatkitUi.loading ??= new Promise((resolve, reject) => {
      if (customElements.get("openai-chatkit")) { resolve(); return; }
      const timer = setTimeout(() => reject(new Error(`it was not ready within ${CHATKIT_TIMEOUT_MS / 1000} s`)),
        CHATKIT_TIMEOUT_MS);
      customElements.whenDefined("openai-chatkit").then(() => { clearTimeout(timer); resolve(); });
      const script = el("script", { src: UI.dataset.scriptUrl, async: true });
      script.addEventListener("error", () => { clearTimeout(timer); reject(new Error("the script could not be loaded")); });
      document.head.append(script);
    });
    return chatkitUi.loading;
  }

  async function mountChatKit() {
    try {
      await loadChatKitScript();
    } catch (err) {
      chatkitUi.failed = `ChatKit could not be loaded from ${UI.dataset.scriptUrl} (${err.message}); using the built-in chat instead.`;
      console.warn(chatkitUi.failed);
      return false;
    }
    const chat = document.createElement("openai-chatkit");
    chat.id = "chatkit";
    chat.setOptions({
      api: {
        url: new URL("/chatkit", location.href).href,
        domainKey: UI.dataset.domainKey || "domain_pk_localhost_dev",
        uploadStrategy: { type: "two_phase" },
        fetch: async (input, init = {}) => {
          const headers = new Headers(init.headers);
          if (state.token) headers.set("Authorization", `Bearer ${state.token}`);
          const res = await fetch(input, { ...init, headers });
          if (res.status === 401) signOut("Your session has ended; please sign in again.");
          return res;
        },
      },
      initialThread: state.threadId || null,
      history: { enabled: true, showRename: true, showDelete: true },
      composer: { placeholder: "Ask about your tasks…", attachments: { enabled: true } },
    });
    chat.addEventListener("chatkit.thread.change", (e) => setThread(e.detail?.threadId || null));
    chat.addEventListener("chatkit.response.end", () => refreshTasks());
    chat.addEventListener("chatkit.error", (e) => setStatus(`ChatKit: ${e.detail?.error?.message || "error"}`));
    document.body.classList.add("chatkit-mode");
    $("log").before(chat);
    chatkitUi.element = chat;
    return true;
  }

  function unmountChatKit() {
    chatkitUi.element?.remove();
    chatkitUi.element = null;
    document.body.classList.remove("chatkit-mode");
  }

  function showChatKitFallback() {
    if ($("chatkit-fallback")) return;
    $("log").before(el("p", { id: "chatkit-fallback", class: "notice", role: "alert", text: chatkitUi.failed }));
  }

  if (chatkitUi.wanted) loadChatKitScript().catch(() => {}); // start early; mountChatKit reports the outcome

  // ---- boot -------------------------------------------------------------------------------------

  if (state.token) start().catch(() => showSignIn());
  else showSignIn();
})();
