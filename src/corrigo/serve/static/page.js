// The page at /: send the article to POST /check?format=html and show the report in place.
//
// Safety: the report comes from the server with every piece of the article escaped, and is shown
// in a sandboxed frame that runs no script (its own policy forbids scripts too). Everything this
// script writes into the page is set as textContent, never as markup.
"use strict";

const $ = (id) => document.getElementById(id);

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.className = isError ? "error" : "";
}

async function readHealth() {
  try {
    const health = await (await fetch("/health")).json();
    if (health.api_key_required) $("key-row").hidden = false;
  } catch (err) {
    setStatus("The server does not answer: is corrigo serve running?", true);
  }
}

function buildForm() {
  const form = new FormData();
  const file = $("file").files[0];
  if (file) {
    form.append("file", file, file.name);
  } else {
    if (!$("text").value.trim()) return null;
    form.append("text", $("text").value);
  }
  if ($("source-text").value.trim()) form.append("source", $("source-text").value);
  for (const source of $("source-files").files) form.append("source", source, source.name);
  return form;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && body.error && body.error.message) return body.error.message;
  } catch (err) {
    // not JSON: fall through to the status line
  }
  return `The server answered ${response.status} ${response.statusText}.`;
}

async function check(event) {
  event.preventDefault();
  const form = buildForm();
  if (form === null) {
    setStatus("Paste an article (headline first) or choose a file, then press Check.", true);
    $("text").focus();
    return;
  }
  const headers = {};
  const key = $("api-key").value.trim();
  if (key) headers["X-API-Key"] = key;
  const button = $("check");
  button.disabled = true;
  setStatus("Checking…", false);
  let response;
  try {
    response = await fetch("/check?format=html", { method: "POST", body: form, headers });
  } catch (err) {
    setStatus("The server could not be reached: is corrigo serve still running?", true);
    return;
  } finally {
    button.disabled = false;
  }
  if (!response.ok) {
    if (response.status === 401) $("key-row").hidden = false;
    setStatus(await errorMessage(response), true);
    return;
  }
  const html = await response.text();
  setStatus("", false);
  showReport(html);
}

function showReport(html) {
  const frame = $("report");
  frame.onload = () => listFindings(frame.contentDocument);
  frame.srcdoc = html;
  $("results").hidden = false;
}

function flash(element) {
  element.style.outline = "3px solid #0b57d0";
  element.style.outlineOffset = "2px";
  setTimeout(() => {
    element.style.outline = "";
  }, 1600);
}

// One button per finding of the report; a click scrolls the report to the highlighted words.
function listFindings(doc) {
  const list = $("findings");
  list.replaceChildren();
  const section = doc ? doc.getElementById("findings") : null;
  const entries = section ? Array.from(section.querySelectorAll("li.finding")) : [];
  $("summary").textContent =
    entries.length === 0 ? "No contradictions found." : `${entries.length} finding${entries.length === 1 ? "" : "s"}:`;
  for (const entry of entries) {
    const back = entry.querySelector("p.back a[href^='#']");
    const mark = back ? doc.getElementById(back.getAttribute("href").slice(1)) : null;
    const words = entry.querySelector("q.words");
    const fix = entry.querySelector("p.fix ins");
    const verdict = entry.querySelector(".badge");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "finding";
    const head = document.createElement("span");
    head.className = "words";
    head.textContent = words ? words.textContent : "";
    button.append(head);
    if (fix) {
      const fixed = document.createElement("span");
      fixed.className = "fix";
      fixed.textContent = ` → ${fix.textContent}`;
      button.append(fixed);
    }
    if (verdict) {
      const label = document.createElement("span");
      label.className = "verdict";
      label.textContent = verdict.textContent;
      button.append(label);
    }
    button.addEventListener("click", () => {
      for (const other of list.querySelectorAll("button.finding")) other.removeAttribute("aria-current");
      button.setAttribute("aria-current", "true");
      const target = mark || entry;
      target.scrollIntoView({ block: "center" });
      target.focus({ preventScroll: true });
      flash(target);
    });
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
}

function fileChosen() {
  const chosen = $("file").files.length > 0;
  $("clear-file").hidden = !chosen;
  $("text").disabled = chosen;
}

document.addEventListener("DOMContentLoaded", () => {
  $("check-form").addEventListener("submit", check);
  $("file").addEventListener("change", fileChosen);
  $("clear-file").addEventListener("click", () => {
    $("file").value = "";
    fileChosen();
  });
  $("text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("check-form").requestSubmit();
  });
  readHealth();
});
