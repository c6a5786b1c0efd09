// Autopilot dashboard — progressive enhancement only; every action works without this file.
"use strict";

// Forms marked data-inline post in the background and update the page instead of reloading it.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-inline")) return;
  event.preventDefault();
  const submitter = event.submitter;
  const body = new URLSearchParams(new FormData(form, submitter));
  const buttons = form.querySelectorAll("button");
  buttons.forEach((button) => { button.disabled = true; });
  try {
    const response = await fetch(form.getAttribute("action"), {
      method: "POST", body, credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" },
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error || String(response.status));
    const target = form.closest("[data-done]");
    if (target) {
      target.classList.add("done");
      const status = target.querySelector("[data-status]");
      if (status) status.textContent = answer.notice || "";
      target.querySelectorAll("form button").forEach((button) => { button.disabled = true; });
    } else if (answer.location) {
      window.location.assign(answer.location);
    }
  } catch (error) {
    buttons.forEach((button) => { button.disabled = false; });
    const message = form.querySelector("[data-error]") || document.createElement("p");
    message.setAttribute("data-error", "");
    message.className = "error";
    message.textContent = error.message;
    form.append(message);
  }
});

// "Select all" boxes tick every box of their list.
document.addEventListener("change", (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-select-all")) return;
  const list = document.getElementById(box.getAttribute("data-select-all"));
  if (!list) return;
  list.querySelectorAll("input[type=checkbox][name=ids]").forEach((other) => { other.checked = box.checked; });
});

// Chart tooltips: the title of the hovered mark, next to the pointer.
let tip = null;
document.addEventListener("pointerover", (event) => {
  const mark = event.target instanceof Element ? event.target.closest("svg [data-tip]") : null;
  if (!mark) return;
  tip = tip || Object.assign(document.createElement("div"), { className: "chart-tip" });
  tip.textContent = mark.getAttribute("data-tip");
  document.body.append(tip);
});
document.addEventListener("pointermove", (event) => {
  if (!tip || !tip.isConnected) return;
  tip.style.left = `${event.pageX + 12}px`;
  tip.style.top = `${event.pageY + 12}px`;
});
document.addEventListener("pointerout", (event) => {
  if (tip && event.target instanceof Element && event.target.closest("svg [data-tip]")) tip.remove();
});

// Template editor: re-render the preview shortly after typing stops.
const editor = document.querySelector("form[data-preview-url]");
if (editor) {
  let timer = null;
  editor.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const body = new URLSearchParams(new FormData(editor));
      const response = await fetch(editor.getAttribute("data-preview-url"), {
        method: "POST", body, credentials: "same-origin", headers: { "Accept": "text/html" },
      });
      if (!response.ok) return;
      const target = document.getElementById("preview");
      if (target) target.innerHTML = await response.text();
    }, 400);
  });
}
