// Public answer page: shows only relevant questions, sends the answers as JSON with an idempotency key
// (a retry after a lost connection stores nothing twice) and a random per-survey token kept in this
// browser, so the same device does not answer twice. Nothing identifies the person.
// Offline (field collection on a phone): answers given with no connection are kept in this browser's
// localStorage, each with its own idempotency key and no device token and no time, the form is cleared for
// the next person, and the queue is sent once, response by response, when the connection returns.
(function () {
  "use strict";
  var form = document.getElementById("answer-form");
  if (!form) return;
  var surveyId = form.getAttribute("data-survey");
  var vi = (document.documentElement.lang || "vi") === "vi";
  var errorsBox = document.getElementById("answer-errors");
  var questions = Array.prototype.slice.call(form.querySelectorAll(".survey-question"));
  var sections = Array.prototype.slice.call(form.querySelectorAll(".survey-section"));

  function random() {
    var bytes = new Uint8Array(24);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function token() {
    var key = "duluan-survey-" + surveyId;
    try {
      var t = localStorage.getItem(key);
      if (!t) { t = random(); localStorage.setItem(key, t); }
      return t;
    } catch (e) { return null; }
  }
  var idempotencyKey = random();
  var queueKey = "duluan-survey-queue-" + surveyId;
  var statusBox = document.getElementById("offline-status");
  var countBox = document.getElementById("queued-count");
  var syncing = false;

  function readQueue() {
    try { var items = JSON.parse(localStorage.getItem(queueKey) || "[]"); return Array.isArray(items) ? items : []; } catch (e) { return []; }
  }
  function showCount() {
    var n = readQueue().length;
    countBox.textContent = n ? countBox.getAttribute("data-label") + " " + n : "";
    countBox.hidden = n === 0;
  }
  function writeQueue(items) {
    try { if (items.length) { localStorage.setItem(queueKey, JSON.stringify(items)); } else { localStorage.removeItem(queueKey); } } catch (e) { }
    showCount();
  }
  function say(text) { statusBox.textContent = text; statusBox.hidden = !text; }

  function value(fs) {
    var type = fs.getAttribute("data-type");
    var name = fs.id;
    if (type === "multiple") {
      return Array.prototype.map.call(fs.querySelectorAll("input[name='" + name + "']:checked"), function (i) { return i.value; });
    }
    if (type === "single" || type === "likert" || type === "rating") {
      var c = fs.querySelector("input[name='" + name + "']:checked");
      if (!c) return null;
      return type === "rating" ? Number(c.value) : c.value;
    }
    var input = fs.querySelector("[name='" + name + "']");
    if (!input || input.value.trim() === "") return null;
    if (type === "number") return Number(input.value);
    if (type === "unit") return Number(input.value);
    return input.value;
  }
  var answered = window.DuLuanSurveyRelevance.answered;
  var holds = window.DuLuanSurveyRelevance.holds;
  function conditions(node) {
    var raw = node.getAttribute("data-relevant");
    return raw ? JSON.parse(raw) : [];
  }
  // Walks the form in order, as the server does: a hidden question counts as unanswered.
  function collect() {
    var answers = {};
    sections.forEach(function (s) {
      var sectionOn = holds(conditions(s), answers);
      s.hidden = !sectionOn;
      Array.prototype.forEach.call(s.querySelectorAll(".survey-question"), function (fs) {
        var on = sectionOn && holds(conditions(fs), answers);
        fs.hidden = !on;
        if (!on) return;
        var v = value(fs);
        if (answered(v)) answers[fs.getAttribute("data-key")] = v;
      });
    });
    return answers;
  }
  function enqueue(key, answers) {
    var items = readQueue();
    items.push({ key: key, version: Number(form.getAttribute("data-version")), answers: answers });
    writeQueue(items);
    form.reset();
    collect();
    say(statusBox.getAttribute("data-queued"));
    window.scrollTo(0, 0);
  }
  // One response per request, each with the key it was queued under: a replay after a lost reply stores nothing twice.
  function sync() {
    if (syncing || !navigator.onLine) return;
    var items = readQueue();
    if (!items.length) return;
    syncing = true;
    var refused = 0;
    var sent = 0;
    var chain = Promise.resolve();
    items.forEach(function (item) {
      chain = chain.then(function () {
        var body = { idempotencyKey: item.key, responses: [{ version: item.version, token: null, answers: item.answers }] };
        return fetch(form.getAttribute("data-endpoint"), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "omit" })
          .then(function (r) {
            if (r.status >= 500 || r.status === 429) throw new Error("retry later");
            if (r.ok) { sent++; } else { refused++; }
            writeQueue(readQueue().filter(function (q) { return q.key !== item.key; }));
          });
      });
    });
    chain.catch(function () { /* the connection dropped again: the rest waits for the next 'online' */ })
      .then(function () {
        syncing = false;
        var left = readQueue().length;
        if (refused) { say(statusBox.getAttribute("data-refused") + " " + refused); }
        else if (sent && !left) { say(statusBox.getAttribute("data-synced")); }
      });
  }
  window.addEventListener("online", sync);
  showCount();
  sync();
  if ("serviceWorker" in navigator) {
    // Survey pages live under each place's site; the worker answers only for them (and their assets), never for other pages.
    navigator.serviceWorker.register("/survey-sw.js", { scope: "/cong/" }).catch(function () { });
  }
  if (window.caches) {
    // The worker starts after this page loaded: put the page and what it uses in the cache now.
    var urls = [location.pathname + location.search].concat(
      Array.prototype.map.call(document.querySelectorAll("link[rel=stylesheet], script[src]"), function (n) { return n.getAttribute("href") || n.getAttribute("src"); }));
    caches.open("duluan-surveys-v1").then(function (c) { return c.addAll(urls); }).catch(function () { });
  }

  form.addEventListener("change", collect);
  form.addEventListener("input", collect);
  collect();

  function clearErrors() {
    errorsBox.replaceChildren();
    questions.forEach(function (fs) { var p = fs.querySelector(".question-error"); p.hidden = true; p.textContent = ""; fs.classList.remove("invalid"); });
  }
  function showTop(text) {
    var p = document.createElement("p"); p.textContent = text; errorsBox.appendChild(p); errorsBox.focus();
  }
  function showErrors(problem) {
    var errors = problem.errors || {};
    Object.keys(errors).forEach(function (k) {
      var m = /answers\.([A-Za-z0-9_]+)$/.exec(k);
      var fs = m && document.getElementById("q-" + m[1]);
      var text = errors[k].join(" ");
      if (fs) { var p = fs.querySelector(".question-error"); p.textContent = text; p.hidden = false; fs.classList.add("invalid"); }
      showTop(text);
    });
    if (!Object.keys(errors).length) showTop(problem.detail || problem.title || "");
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearErrors();
    var missing = questions.filter(function (fs) { return !fs.hidden && fs.getAttribute("data-required") === "true" && !answered(value(fs)); });
    if (missing.length) {
      missing.forEach(function (fs) { var p = fs.querySelector(".question-error"); p.textContent = vi ? "Câu này bắt buộc trả lời." : "This question needs an answer."; p.hidden = false; });
      showTop(vi ? "Còn câu bắt buộc chưa trả lời." : "Some required questions have no answer.");
      return;
    }
    if (!navigator.onLine) { enqueue(random(), collect()); return; }
    var body = { idempotencyKey: idempotencyKey, responses: [{ version: Number(form.getAttribute("data-version")), token: token(), answers: collect() }] };
    var send = document.getElementById("send");
    send.disabled = true;
    fetch(form.getAttribute("data-endpoint"), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), credentials: "omit" })
      .then(function (r) {
        if (r.ok) { form.hidden = true; document.getElementById("answer-done").hidden = false; idempotencyKey = random(); return; }
        return r.json().then(function (p) {
          if (r.status === 409 && /đã trả lời|already answered/.test(p.detail || "")) { form.hidden = true; document.getElementById("answer-already").hidden = false; return; }
          showErrors(p);
        });
      })
      .catch(function () {
        // No connection after all: queue under the same key (a request that did arrive makes the later send a harmless replay).
        var key = idempotencyKey;
        idempotencyKey = random();
        enqueue(key, body.responses[0].answers);
      })
      .then(function () { send.disabled = false; });
  });
  // The button is disabled in the page until this script has taken over the form's sending.
  document.getElementById("send").disabled = false;
})();
