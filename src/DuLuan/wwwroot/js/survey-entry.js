// Paper response entry: questions that do not apply (by the survey's relevance rules) are hidden and
// not sent; in a choice question, typing the option's number (1–9) ticks it, so a paper form is keyed
// in without the mouse (Tab to the next question, Enter to save).
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) return;
  var sections = Array.prototype.slice.call(form.querySelectorAll(".survey-section"));

  function conditions(node) {
    var raw = node.getAttribute("data-relevant");
    return raw ? JSON.parse(raw) : [];
  }
  function value(fs) {
    var type = fs.getAttribute("data-type");
    var inputs = Array.prototype.slice.call(fs.querySelectorAll("input, select, textarea"));
    if (type === "multiple") return inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
    if (type === "single" || type === "likert" || type === "rating") {
      var c = inputs.filter(function (i) { return i.checked; })[0];
      if (!c) return null;
      return type === "rating" ? Number(c.value) : c.value;
    }
    var input = inputs[0];
    if (!input || input.value.trim() === "") return null;
    if (type === "number") return Number(input.value.replace(",", "."));
    return input.value;
  }
  var answered = window.DuLuanSurveyRelevance.answered;
  var holds = window.DuLuanSurveyRelevance.holds;
  function refresh() {
    var answers = {};
    sections.forEach(function (s) {
      var sectionOn = holds(conditions(s), answers);
      s.hidden = !sectionOn;
      Array.prototype.forEach.call(s.querySelectorAll(".survey-question"), function (fs) {
        var on = sectionOn && holds(conditions(fs), answers);
        fs.hidden = !on;
        fs.disabled = !on;
        if (!on) return;
        var v = value(fs);
        if (answered(v)) answers[fs.getAttribute("data-key")] = v;
      });
    });
  }
  form.addEventListener("change", refresh);
  form.addEventListener("input", refresh);
  form.addEventListener("keydown", function (e) {
    if (!/^[1-9]$/.test(e.key) || e.ctrlKey || e.altKey || e.metaKey) return;
    var target = e.target;
    if (!target || (target.type !== "radio" && target.type !== "checkbox")) return;
    var fs = target.closest("fieldset");
    var options = fs.querySelectorAll("input[type=radio], input[type=checkbox]");
    var pick = options[Number(e.key) - 1];
    if (!pick) return;
    e.preventDefault();
    pick.checked = pick.type === "radio" ? true : !pick.checked;
    pick.focus();
    refresh();
  });
  refresh();
})();
