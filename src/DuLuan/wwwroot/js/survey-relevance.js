// The survey's relevance rules in the browser, shared by the answer page and paper entry. They must agree
// with the server's ResponseRules, which refuses an answer to a question that was not relevant.
window.DuLuanSurveyRelevance = (function () {
  "use strict";
  function answered(v) { return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0); }
  function holds(conditions, answers) {
    return conditions.every(function (c) {
      var a = answers[c.question];
      switch (c.op) {
        case "answered": return answered(a);
        case "equals": return answered(a) && String(Array.isArray(a) ? a[0] : a) === String(c.value);
        case "notEquals": return !answered(a) || String(Array.isArray(a) ? a[0] : a) !== String(c.value);
        case "includes": return Array.isArray(a) && a.indexOf(c.value) >= 0;
        case "greaterThan": return typeof a === "number" && a > Number(c.value);
        case "lessThan": return typeof a === "number" && a < Number(c.value);
        default: return false;
      }
    });
  }
  return { answered: answered, holds: holds };
})();
