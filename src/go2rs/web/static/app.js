// go2rs playground: Go on the left, Rust on the right. Plain JS, no dependencies, no network
// besides this server. The draft lives in the URL fragment (deflate + base64url), never on the
// server.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const go = $("go");
  const gutter = $("go-gutter");
  const band = $("go-band");
  const rust = $("rust");
  const status = $("status");
  const problems = $("problems");
  const picker = $("example");
  const optionInputs = [...document.querySelectorAll("[data-option]")];
  const DEBOUNCE_MS = 350;
  const maxBytes = Number(document.body.dataset.maxBytes);

  let timer = 0;
  let sequence = 0; // answers to older requests are dropped
  let inflight = null;
  let lastRust = "";

  // ------------------------------------------------------------------ options and state

  function options() {
    const out = {};
    for (const input of optionInputs) {
      out[input.dataset.option] = input.type === "checkbox" ? input.checked : input.value;
    }
    return out;
  }

  function applyOptions(values) {
    for (const input of optionInputs) {
      const value = values ? values[input.dataset.option] : undefined;
      if (value === undefined) continue;
      if (input.type === "checkbox") input.checked = Boolean(value);
      else if ([...input.options].some((o) => o.value === value)) input.value = value;
    }
  }

  // ------------------------------------------------------------------ URL fragment

  const b64url = {
    encode(bytes) {
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) {
        text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      }
      return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    },
    decode(text) {
      const padded = text.replace(/-/g, "+").replace(/_/g, "/");
      const raw = atob(padded + "=".repeat((4 - (padded.length % 4)) % 4));
      return Uint8Array.from(raw, (c) => c.charCodeAt(0));
    },
  };

  async function pipe(bytes, stream) {
    const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
    return new Uint8Array(await out.arrayBuffer());
  }

  // `#z=` deflate-raw (CompressionStream, in every current browser); `#j=` plain, for old ones.
  async function encodeState(state) {
    const json = new TextEncoder().encode(JSON.stringify(state));
    if (typeof CompressionStream === "function") {
      return "z=" + b64url.encode(await pipe(json, new CompressionStream("deflate-raw")));
    }
    return "j=" + b64url.encode(json);
  }

  async function decodeState(fragment) {
    const match = /^#?([zj])=([A-Za-z0-9_-]*)$/.exec(fragment);
    if (!match) return null;
    let bytes = b64url.decode(match[2]);
    if (match[1] === "z") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
    const state = JSON.parse(new TextDecoder().decode(bytes));
    return typeof state.source === "string" ? state : null;
  }

  async function saveState() {
    const fragment = await encodeState({ source: go.value, options: options() });
    history.replaceState(null, "", "#" + fragment);
  }

  // ------------------------------------------------------------------ Go editor

  const lineHeight = () => parseFloat(getComputedStyle(go).lineHeight) || 20;
  const padTop = () => parseFloat(getComputedStyle(go).paddingTop) || 0;

  function updateGutter() {
    const lines = go.value.split("\n").length;
    if (gutter.dataset.lines !== String(lines)) {
      gutter.dataset.lines = String(lines);
      gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join("\n");
    }
    gutter.scrollTop = go.scrollTop;
    placeBand();
    const bytes = new TextEncoder().encode(go.value).length;
    const counted = go.value.endsWith("\n") ? lines - 1 : lines; // as the translator counts
    $("go-info").textContent = `${counted} lines · ${bytes} bytes`;
  }

  function placeBand() {
    if (band.hidden) return;
    const start = Number(band.dataset.start);
    const end = Number(band.dataset.end);
    band.style.top = `${padTop() + (start - 1) * lineHeight() - go.scrollTop}px`;
    band.style.height = `${(end - start + 1) * lineHeight()}px`;
  }

  function highlightGo(start, end) {
    band.dataset.start = String(start);
    band.dataset.end = String(end);
    band.hidden = false;
    const target = padTop() + (start - 1) * lineHeight() - go.clientHeight / 3;
    go.scrollTop = Math.max(0, target);
    placeBand();
    gutter.scrollTop = go.scrollTop;
  }

  function clearHighlights() {
    band.hidden = true;
    delete band.dataset.start;
    delete band.dataset.end;
    for (const el of document.querySelectorAll(".hl, #problems .active")) {
      el.classList.remove("hl", "active");
    }
  }

  go.addEventListener("scroll", () => {
    gutter.scrollTop = go.scrollTop;
    placeBand();
  });
  go.addEventListener("input", () => {
    picker.value = "";
    updateGutter();
    schedule();
  });
  go.addEventListener("focus", () => { go.dataset.escaped = ""; });
  go.addEventListener("keydown", (event) => {
    // Go is indented with tabs; Tab inserts one (Esc then Tab leaves the editor).
    if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (go.dataset.escaped === "1") return;
      event.preventDefault();
      document.execCommand("insertText", false, "\t");
    }
    go.dataset.escaped = event.key === "Escape" ? "1" : "";
  });

  // ------------------------------------------------------------------ translation

  function schedule() {
    clearTimeout(timer);
    rust.classList.add("stale");
    timer = setTimeout(translateNow, DEBOUNCE_MS);
  }

  async function translateNow() {
    clearTimeout(timer);
    const mine = ++sequence;
    if (inflight) inflight.abort();
    inflight = new AbortController();
    document.body.dataset.state = "busy";
    status.textContent = "translating…";
    const body = JSON.stringify({ source: go.value, options: options() });
    try {
      if (new TextEncoder().encode(body).length > maxBytes) {
        throw new Error(`the Go source is over the ${maxBytes}-byte limit of this page`);
      }
      const response = await fetch("/api/translate", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        signal: inflight.signal,
      });
      const data = await response.json();
      if (mine !== sequence) return;
      if (!response.ok) throw new Error(data.error || `HTTP ${response.status}`);
      render(data);
    } catch (error) {
      if (mine !== sequence || error.name === "AbortError") return;
      rust.classList.remove("stale");
      rust.replaceChildren(Object.assign(document.createElement("div"), {
        className: "failure", textContent: `Could not translate: ${error.message}`,
      }));
      status.textContent = "failed";
      lastRust = "";
    }
    if (mine !== sequence) return;
    document.body.dataset.state = "idle";
    document.body.dataset.translations = String(Number(document.body.dataset.translations) + 1);
    saveState().catch(() => {});
  }

  function render(data) {
    lastRust = data.rust;
    rust.innerHTML = data.rust_html; // Pygments output: every Go/Rust character is escaped
    rust.classList.remove("stale");
    clearHighlights();
    const counts = [`${data.go_lines} Go lines → ${data.rust_lines} Rust lines`, `${data.elapsed_ms} ms`];
    status.textContent = counts.join(" · ");
    renderProblems(data);
  }

  function renderProblems(data) {
    const items = [];
    for (const d of data.diagnostics) {
      items.push({ kind: d.severity, start: d.line, end: d.line, col: d.col, text: d.message, rust: d.rust_line });
    }
    for (const t of data.todos) {
      items.push({ kind: "todo", start: t.line, end: t.end_line, text: t.what, rust: t.rust_line });
    }
    items.sort((a, b) => a.start - b.start);
    const rows = items.map((item) => {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "problem";
      button.dataset.kind = item.kind;
      button.dataset.goStart = String(item.start);
      button.dataset.goEnd = String(item.end);
      if (item.rust) button.dataset.rustLine = String(item.rust);
      const badge = Object.assign(document.createElement("span"), {
        className: `badge ${item.kind}`, textContent: item.kind === "todo" ? "todo!()" : item.kind,
      });
      const span = item.end > item.start ? `${item.start}–${item.end}` : `${item.start}${item.col ? ":" + item.col : ""}`;
      const where = Object.assign(document.createElement("span"), {
        className: "where", textContent: `Go ${span}` + (item.rust ? ` → Rust ${item.rust}` : ""),
      });
      const message = Object.assign(document.createElement("span"), { className: "message", textContent: item.text });
      button.append(badge, where, message);
      button.addEventListener("click", () => pointAt(button, item));
      li.append(button);
      return li;
    });
    if (!rows.length) {
      rows.push(Object.assign(document.createElement("li"), { className: "empty", textContent: "No diagnostics, no todo!()s." }));
    }
    problems.replaceChildren(...rows);
    $("problem-count").textContent = items.length ? `${items.length}` : "";
  }

  function pointAt(button, item) {
    clearHighlights();
    button.classList.add("active");
    highlightGo(item.start, item.end);
    if (item.rust) {
      const line = document.getElementById(`r-${item.rust}`);
      if (line) {
        line.classList.add("hl");
        line.scrollIntoView({ block: "center" });
      }
    }
  }

  // ------------------------------------------------------------------ buttons and keys

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    // Plain-HTTP pages on a --public host have no clipboard API.
    const scratch = Object.assign(document.createElement("textarea"), { value: text });
    document.body.append(scratch);
    scratch.select();
    document.execCommand("copy");
    scratch.remove();
  }

  function flash(button, text) {
    const before = button.dataset.label || button.textContent;
    button.dataset.label = before;
    button.textContent = text;
    setTimeout(() => { button.textContent = before; }, 1500);
  }

  $("copy").addEventListener("click", async (event) => {
    const button = event.currentTarget; // null once the handler awaits
    try {
      await copyText(lastRust);
      flash(button, "Copied");
    } catch {
      flash(button, "Copy failed");
    }
  });

  $("share").addEventListener("click", async (event) => {
    const button = event.currentTarget;
    try {
      await saveState();
      await copyText(location.href);
      flash(button, "Link copied");
    } catch {
      flash(button, "Copy failed");
    }
  });

  $("translate").addEventListener("click", translateNow);
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      translateNow();
    }
  });
  for (const input of optionInputs) input.addEventListener("change", translateNow);

  async function loadExample(id) {
    const response = await fetch(`/api/examples/${id}`);
    if (!response.ok) return;
    const data = await response.json();
    go.value = data.source;
    picker.value = id;
    go.scrollTop = 0;
    updateGutter();
    await translateNow();
  }
  picker.addEventListener("change", () => { if (picker.value) loadExample(picker.value); });

  window.addEventListener("hashchange", () => restore());

  async function restore() {
    let state = null;
    try {
      state = await decodeState(location.hash);
    } catch {
      status.textContent = "the link's draft could not be read";
    }
    if (state) {
      go.value = state.source;
      picker.value = "";
      applyOptions(state.options);
      updateGutter();
      await translateNow();
      return true;
    }
    return false;
  }

  (async () => {
    updateGutter();
    if (await restore()) return;
    if (picker.dataset.default) await loadExample(picker.dataset.default);
    else await translateNow();
  })();
})();
