// The chat widget: a non-modal dialog talking to the portal's POST /chat (never to Rasa directly).
// Progressive enhancement: without this file the page shows a plain link to the contact form.
// Every string comes from data- attributes rendered (translated) by the template, and the bot's text is
// put into the page with textContent and createElement only: never as HTML.
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root || !window.fetch || !window.JSON) return;

  var d = root.dataset;
  var launcher = document.getElementById("chat-launcher");
  var panel = document.getElementById("chat-panel");
  var closeButton = document.getElementById("chat-close");
  var log = document.getElementById("chat-log");
  var region = document.getElementById("chat-log-region");  // role=log around the list, which stays a list
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-input");
  var sendButton = document.getElementById("chat-send");
  var status = document.getElementById("chat-status");
  var noscript = document.getElementById("chat-nojs");
  var STORE = "portal.chat.v1";
  // The portal answers within its own Rasa timeout (a fallback at worst); this only guards a lost connection.
  var TIMEOUT_MS = (parseFloat(d.timeout) || 3) * 1000 + 5000;
  var busy = false;
  var history = [];

  // Same-site paths only, as the server also checks: a link can never point elsewhere or run script.
  function safeHref(href) {
    return typeof href === "string" && /^\/(?!\/)/.test(href) && href.indexOf("\\") === -1 ? href : null;
  }

  function save() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify({ who: d.who, open: !panel.hidden, items: history.slice(-60) }));
    } catch (e) { /* storage full or disabled: the conversation just does not survive a page change */ }
  }

  function load() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE) || "null");
      // Signing in or out starts a new conversation: another person may be at this browser now.
      if (saved && saved.who === d.who && Array.isArray(saved.items)) return saved;
    } catch (e) { /* unreadable: start afresh */ }
    return null;
  }

  function speaker(label) {
    var span = document.createElement("span");
    span.className = "visually-hidden";
    span.textContent = label + ": ";
    return span;
  }

  function appendParts(container, parts) {
    (parts || []).forEach(function (part) {
      var text = typeof part.text === "string" ? part.text : "";
      var href = safeHref(part.href);
      if (href) {
        var a = document.createElement("a");
        a.href = href;
        a.textContent = text;
        container.appendChild(a);
      } else {
        container.appendChild(document.createTextNode(text));
      }
    });
  }

  function render(item, live) {
    var li = document.createElement("li");
    li.className = "chat-msg " + (item.from === "user" ? "chat-msg-user" : "chat-msg-bot");
    li.appendChild(speaker(item.from === "user" ? d.textYou : d.textAssistant));
    var body = document.createElement("p");
    body.className = "chat-text";
    appendParts(body, item.parts);
    li.appendChild(body);
    if (item.links && item.links.length) {
      var ul = document.createElement("ul");
      ul.className = "chat-links";
      item.links.forEach(function (link) {
        var entry = document.createElement("li");
        appendParts(entry, [link]);
        ul.appendChild(entry);
      });
      li.appendChild(ul);
    }
    // Suggested replies are offered on the newest message only; older ones are history.
    if (live && item.buttons && item.buttons.length) {
      var group = document.createElement("div");
      group.className = "chat-buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", d.textSuggestions);
      item.buttons.forEach(function (button) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "button button-secondary chat-suggestion";
        b.textContent = button.title;
        b.addEventListener("click", function () {
          if (busy) return;
          group.remove();
          send(button.payload, button.title);
        });
        group.appendChild(b);
      });
      li.appendChild(group);
    }
    log.appendChild(li);
    region.scrollTop = region.scrollHeight;
  }

  function add(item) {
    history.push({ from: item.from, parts: item.parts, links: item.links || [] });
    render(item, true);
    save();
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    status.textContent = value ? d.textWaiting : "";
  }

  function offline() {
    return {
      from: "bot",
      parts: [{ text: d.textOffline }],
      links: [
        { text: d.textGuides, href: d.guidesUrl },
        { text: d.textContact, href: d.contactUrl },
      ],
    };
  }

  function send(message, shown) {
    add({ from: "user", parts: [{ text: shown || message }] });
    setBusy(true);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, TIMEOUT_MS);
    fetch(d.endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": d.csrf },
      body: JSON.stringify({ message: message, language: d.language }),
      signal: controller ? controller.signal : undefined,
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (!result.ok) {
          var error = result.body && result.body.error;
          add({ from: "bot", parts: [{ text: (error && error.message) || d.textOffline }] });
          return;
        }
        var messages = (result.body && result.body.messages) || [];
        if (!messages.length) { add(offline()); return; }
        messages.forEach(function (m) {
          add({ from: "bot", parts: m.parts, links: m.links, buttons: m.buttons });
        });
      })
      .catch(function () { add(offline()); })
      .then(function () {
        clearTimeout(timer);
        setBusy(false);
      });
  }

  function open(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    if (!history.length) add({ from: "bot", parts: [{ text: d.textIntro }] });
    if (focus) input.focus();
    save();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
    save();
  }

  launcher.addEventListener("click", function () {
    if (panel.hidden) open(true);
    else close();
  });
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var message = input.value.trim();
    if (!message || busy) return;
    input.value = "";
    send(message);
    input.focus();
  });
  // Enter sends, Shift+Enter starts a new line (as in most chat boxes).
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else form.dispatchEvent(new Event("submit", { cancelable: true }));
    }
  });

  var saved = load();
  if (saved) {
    history = saved.items;
    history.forEach(function (item) { render(item, false); });
  }
  if (noscript) noscript.hidden = true;
  launcher.hidden = false;
  root.classList.add("chat-ready");
  // A conversation left open on the previous page stays open, without taking the focus from the page.
  if (saved && saved.open) open(false);
})();
