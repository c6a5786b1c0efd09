/* Autopilot chat widget. Paste into your pages:
 *   <script src="https://YOUR-AUTOPILOT-HOST/widget.js" data-key="wk_..." defer></script>
 * Optional: data-lang="fr" or "en" (default: the browser's language).
 * Hand-written, no dependencies, no inline code or eval: it runs under a strict Content-Security-Policy
 * (allow the Autopilot host in script-src and connect-src). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__autopilotWidget) { return; }
  window.__autopilotWidget = true;
  var key = script.getAttribute("data-key") || "";
  var base = new URL(script.src, window.location.href).origin;
  var tag = (script.getAttribute("data-lang") || navigator.language || "fr").toLowerCase();
  var lang = tag.indexOf("fr") === 0 ? "fr" : "en";
  var words = {
    fr: { open: "Discuter avec nous", title: "Une question ?", placeholder: "Votre message…", send: "Envoyer",
          close: "Fermer", failed: "Le message n'est pas parti. Réessayez dans un instant.",
          busy: "Trop de messages d'un coup : réessayez dans {s} s.", you: "Vous", agent: "Assistant", team: "Équipe" },
    en: { open: "Chat with us", title: "Any questions?", placeholder: "Your message…", send: "Send",
          close: "Close", failed: "The message didn't go through. Please try again in a moment.",
          busy: "Too many messages at once: try again in {s} s.", you: "You", agent: "Assistant", team: "Team" }
  }[lang];

  function randomID(prefix) {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return prefix + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function remember(name, make) {
    try {
      var value = window.localStorage.getItem(name);
      if (!value) { value = make(); window.localStorage.setItem(name, value); }
      return value;
    } catch (e) { return make(); }
  }
  var visitorID = remember("autopilot.visitor", function () { return randomID("v_"); });
  var conversationKey = "autopilot.conversation." + key;
  var conversationID = null;
  try { conversationID = window.sessionStorage.getItem(conversationKey); } catch (e) { conversationID = null; }
  var lastSeq = 0;
  var status = "open";
  var pollTimer = null;

  function element(name, styles, text) {
    var node = document.createElement(name);
    Object.keys(styles || {}).forEach(function (property) { node.style[property] = styles[property]; });
    if (text) { node.textContent = text; }
    return node;
  }
  var font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var button = element("button", { position: "fixed", right: "20px", bottom: "20px", zIndex: "2147483000", padding: "12px 18px",
    border: "0", borderRadius: "24px", background: "#1f4b99", color: "#fff", font: "600 15px " + font, cursor: "pointer",
    boxShadow: "0 4px 14px rgba(0,0,0,.2)" }, words.open);
  button.type = "button";
  var panel = element("section", { position: "fixed", right: "20px", bottom: "76px", zIndex: "2147483000", width: "340px",
    maxWidth: "calc(100vw - 40px)", height: "460px", maxHeight: "calc(100vh - 110px)", display: "none", flexDirection: "column",
    background: "#fff", color: "#1d1d1f", border: "1px solid #d0d4dc", borderRadius: "12px", font: "14px/1.4 " + font,
    boxShadow: "0 8px 28px rgba(0,0,0,.18)", overflow: "hidden" });
  panel.setAttribute("aria-label", words.title);
  var header = element("header", { display: "flex", justifyContent: "space-between", alignItems: "center", padding: "10px 14px",
    background: "#1f4b99", color: "#fff", fontWeight: "600" }, words.title);
  var close = element("button", { border: "0", background: "transparent", color: "#fff", font: "600 18px " + font, cursor: "pointer" }, "×");
  close.type = "button";
  close.setAttribute("aria-label", words.close);
  header.appendChild(close);
  var log = element("div", { flex: "1", overflowY: "auto", padding: "12px", display: "flex", flexDirection: "column", gap: "8px" });
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  var form = element("form", { display: "flex", gap: "6px", padding: "10px", borderTop: "1px solid #e3e6eb" });
  var input = element("input", { flex: "1", padding: "8px 10px", border: "1px solid #c5cad3", borderRadius: "8px", font: "14px " + font });
  input.type = "text";
  input.maxLength = 2000;
  input.placeholder = words.placeholder;
  input.setAttribute("aria-label", words.placeholder);
  var send = element("button", { padding: "8px 12px", border: "0", borderRadius: "8px", background: "#1f4b99", color: "#fff",
    font: "600 14px " + font, cursor: "pointer" }, words.send);
  send.type = "submit";
  form.appendChild(input);
  form.appendChild(send);
  panel.appendChild(header);
  panel.appendChild(log);
  panel.appendChild(form);

  function show(role, text, author) {
    var mine = role === "visitor";
    var bubble = element("p", { margin: "0", padding: "8px 10px", borderRadius: "10px", maxWidth: "85%", whiteSpace: "pre-wrap",
      alignSelf: mine ? "flex-end" : "flex-start", background: mine ? "#1f4b99" : (role === "team" ? "#e6f4ea" : "#f0f2f5"),
      color: mine ? "#fff" : "#1d1d1f" }, text);
    var who = mine ? words.you : (role === "team" ? words.team + (author ? " · " + author : "") : words.agent);
    bubble.setAttribute("aria-label", who + ": " + text);
    bubble.setAttribute("data-role", role);
    if (role === "team") {
      var name = element("strong", { display: "block", fontSize: "12px" }, who);
      bubble.insertBefore(name, bubble.firstChild);
    }
    log.appendChild(bubble);
    log.scrollTop = log.scrollHeight;
  }
  function take(view, all) {
    status = view.status || status;
    (view.messages || []).forEach(function (message) {
      if (message.seq > lastSeq) {
        lastSeq = message.seq;
        if (all || message.role !== "visitor") { show(message.role, message.text, message.author); }
      }
    });
    // The team may answer at any time (it takes the conversation over): look for its messages while the panel is open.
    if (!pollTimer) { pollTimer = window.setInterval(poll, 5000); }
  }
  function call(method, path, body) {
    var options = { method: method, headers: { "X-Widget-Key": key }, credentials: "omit", mode: "cors" };
    if (body) { options.headers["Content-Type"] = "application/json"; options.body = JSON.stringify(body); }
    return window.fetch(base + path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          var error = new Error((json.error && json.error.code) || "http_" + response.status);
          error.status = response.status;
          error.retryAfter = response.headers.get("Retry-After");
          throw error;
        }
        return json;
      });
    });
  }
  function start() {
    if (conversationID) {
      return call("GET", "/v1/conversations/" + encodeURIComponent(conversationID) + "/messages?visitor_id=" +
        encodeURIComponent(visitorID) + "&after=0").then(function (view) { take(view, true); }).catch(function () { conversationID = null; return start(); });
    }
    return call("POST", "/v1/conversations", { visitor_id: visitorID, language: lang }).then(function (view) {
      conversationID = view.conversation_id;
      try { window.sessionStorage.setItem(conversationKey, conversationID); } catch (e) { /* private browsing */ }
      take(view);
    });
  }
  function poll() {
    if (!conversationID || panel.style.display === "none") { return; }
    call("GET", "/v1/conversations/" + encodeURIComponent(conversationID) + "/messages?visitor_id=" +
      encodeURIComponent(visitorID) + "&after=" + lastSeq).then(take).catch(function () { /* next time */ });
  }
  function post(text, clientID, retries) {
    return call("POST", "/v1/conversations/" + encodeURIComponent(conversationID) + "/messages",
      { visitor_id: visitorID, text: text, client_message_id: clientID }).then(take).catch(function (error) {
      if (!error.status && retries > 0) { return post(text, clientID, retries - 1); }
      throw error;
    });
  }
  var started = null;
  button.addEventListener("click", function () {
    var opening = panel.style.display === "none";
    panel.style.display = opening ? "flex" : "none";
    if (opening) {
      if (!started) { started = start().catch(function () { started = null; show("agent", words.failed); }); }
      input.focus();
    }
  });
  close.addEventListener("click", function () { panel.style.display = "none"; button.focus(); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || !started) { return; }
    input.value = "";
    show("visitor", text);
    var clientID = randomID("m_");
    started.then(function () { return post(text, clientID, 2); }).catch(function (error) {
      show("agent", error.status === 429 ? words.busy.replace("{s}", error.retryAfter || "30") : words.failed);
    });
  });
  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
