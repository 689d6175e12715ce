// Survey builder: edits the draft definition (JSON in #definition) with forms for languages, sections,
// questions, options, bounds and relevance conditions. The server validates everything again.
(function () {
  "use strict";
  var root = document.querySelector("[data-builder]");
  var raw = document.getElementById("definition");
  if (!root || !raw) return;
  var vi = (document.documentElement.lang || "vi") === "vi";
  var T = function (v, e) { return vi ? v : e; };
  var TYPES = [
    ["single", T("Một lựa chọn", "Single choice")], ["multiple", T("Nhiều lựa chọn", "Multiple choice")],
    ["likert", T("Thang Likert", "Likert scale")], ["rating", T("Chấm điểm", "Rating")],
    ["number", T("Số", "Number")], ["date", T("Ngày", "Date")], ["text", T("Chữ ngắn", "Short text")],
    ["longText", T("Chữ dài", "Long text")], ["unit", T("Chọn đơn vị", "Unit choice")]
  ];
  var OPS = [["equals", "="], ["notEquals", "≠"], ["includes", T("có chọn", "includes")], ["greaterThan", ">"], ["lessThan", "<"], ["answered", T("đã trả lời", "answered")]];
  var CHOICE = { single: 1, multiple: 1, likert: 1 };
  var model;
  try { model = JSON.parse(raw.value); } catch (e) { return; }
  document.getElementById("raw").open = false;

  function sync() { raw.value = JSON.stringify(model, null, 2); }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function button(text, onClick, cls) {
    var b = el("button", { type: "button", "class": cls || "secondary small" }, text);
    b.addEventListener("click", function () { onClick(); sync(); render(); });
    return b;
  }
  function field(label, value, onInput, attrs) {
    var wrap = el("label", { "class": "field" }, label);
    var input = el("input", attrs || {});
    input.value = value === undefined || value === null ? "" : value;
    input.addEventListener("input", function () { onInput(input.value); sync(); });
    wrap.appendChild(input);
    return wrap;
  }
  function labels(obj, owner, prop, caption) {
    var box = el("div", { "class": "labels" });
    model.languages.forEach(function (lang) {
      box.appendChild(field(caption + " (" + lang + ")", (obj || {})[lang], function (v) {
        owner[prop] = owner[prop] || {};
        owner[prop][lang] = v;
      }, { lang: lang, maxlength: "1000" }));
    });
    return box;
  }
  function number(v) { return v === "" ? null : Number(v); }
  function allQuestions() { var out = []; model.sections.forEach(function (s) { s.questions.forEach(function (q) { out.push(q); }); }); return out; }
  function nextKey(prefix) {
    var used = {}; allQuestions().forEach(function (q) { used[q.key] = 1; }); model.sections.forEach(function (s) { used[s.key] = 1; });
    for (var i = 1; ; i++) if (!used[prefix + i]) return prefix + i;
  }
  function move(list, i, d) { var j = i + d; if (j < 0 || j >= list.length) return; var t = list[i]; list[i] = list[j]; list[j] = t; }

  function condition(owner, earlier) {
    var box = el("div", { "class": "condition" });
    var c = (owner.relevant || [])[0];
    var select = el("select", { "aria-label": T("Chỉ hỏi khi", "Ask only when") });
    select.appendChild(el("option", { value: "" }, T("Luôn hỏi", "Always ask")));
    earlier.forEach(function (q) { var o = el("option", { value: q.key }, q.key + " — " + ((q.label || {}).vi || "")); if (c && c.question === q.key) o.selected = true; select.appendChild(o); });
    var op = el("select", { "aria-label": T("Phép so sánh", "Comparison") });
    OPS.forEach(function (p) { var o = el("option", { value: p[0] }, p[1]); if (c && c.op === p[0]) o.selected = true; op.appendChild(o); });
    var value = el("input", { "aria-label": T("Giá trị (mã lựa chọn hoặc số)", "Value (option code or number)"), placeholder: T("giá trị", "value") });
    value.value = c && c.value ? c.value : "";
    function update() {
      if (!select.value) { delete owner.relevant; }
      else {
        var cond = { question: select.value, op: op.value };
        if (op.value !== "answered") cond.value = value.value;
        owner.relevant = [cond];
      }
      sync();
    }
    [select, op].forEach(function (s) { s.addEventListener("change", update); });
    value.addEventListener("input", update);
    box.appendChild(el("span", {}, T("Chỉ hỏi khi: ", "Ask only when: ")));
    box.appendChild(select); box.appendChild(op); box.appendChild(value);
    return box;
  }

  function questionEditor(section, q, i, earlier) {
    var card = el("fieldset", { "class": "question", "data-key": q.key });
    card.appendChild(el("legend", {}, (i + 1) + ". " + q.key));
    card.appendChild(field(T("Mã câu hỏi", "Question code"), q.key, function (v) { q.key = v; }, { maxlength: "40", pattern: "[A-Za-z][A-Za-z0-9_]*" }));
    var type = el("select", { "aria-label": T("Loại câu hỏi", "Question type") });
    TYPES.forEach(function (t) { var o = el("option", { value: t[0] }, t[1]); if (q.type === t[0]) o.selected = true; type.appendChild(o); });
    type.addEventListener("change", function () {
      q.type = type.value;
      if (CHOICE[q.type] && !q.options) q.options = [{ key: "a", label: { vi: "Lựa chọn A", en: "Option A" } }, { key: "b", label: { vi: "Lựa chọn B", en: "Option B" } }];
      if (!CHOICE[q.type]) { delete q.options; delete q.randomize; }
      if (q.type === "rating") { q.min = q.min || 1; q.max = q.max || 5; } else if (q.type !== "number") { delete q.min; delete q.max; }
      if (q.type !== "text" && q.type !== "longText") delete q.maxLength;
      if (q.type !== "date") { delete q.minDate; delete q.maxDate; }
      sync(); render();
    });
    var typeLabel = el("label", { "class": "field" }, T("Loại", "Type")); typeLabel.appendChild(type); card.appendChild(typeLabel);
    card.appendChild(labels(q.label, q, "label", T("Câu hỏi", "Question")));
    var req = el("input", { type: "checkbox" }); req.checked = !!q.required;
    req.addEventListener("change", function () { q.required = req.checked; sync(); });
    var reqLabel = el("label", { "class": "check" }); reqLabel.appendChild(req); reqLabel.appendChild(document.createTextNode(" " + T("Bắt buộc", "Required"))); card.appendChild(reqLabel);
    if (CHOICE[q.type]) {
      var rnd = el("input", { type: "checkbox" }); rnd.checked = !!q.randomize;
      rnd.addEventListener("change", function () { q.randomize = rnd.checked; sync(); });
      var rndLabel = el("label", { "class": "check" }); rndLabel.appendChild(rnd); rndLabel.appendChild(document.createTextNode(" " + T("Đảo thứ tự lựa chọn", "Randomise option order"))); card.appendChild(rndLabel);
      var list = el("ol", { "class": "options" });
      q.options.forEach(function (o, j) {
        var li = el("li");
        li.appendChild(field(T("Mã", "Code"), o.key, function (v) { o.key = v; }, { maxlength: "40" }));
        li.appendChild(labels(o.label, o, "label", T("Nhãn", "Label")));
        li.appendChild(button(T("Xoá lựa chọn", "Remove option"), function () { q.options.splice(j, 1); }, "link danger"));
        list.appendChild(li);
      });
      card.appendChild(list);
      card.appendChild(button(T("Thêm lựa chọn", "Add option"), function () {
        var k = "o" + (q.options.length + 1); q.options.push({ key: k, label: { vi: "", en: "" } });
      }));
    }
    if (q.type === "number" || q.type === "rating") {
      card.appendChild(field(T("Nhỏ nhất", "Minimum"), q.min, function (v) { q.min = number(v); }, { type: "number", step: "any" }));
      card.appendChild(field(T("Lớn nhất", "Maximum"), q.max, function (v) { q.max = number(v); }, { type: "number", step: "any" }));
    }
    if (q.type === "text" || q.type === "longText") {
      card.appendChild(field(T("Độ dài tối đa", "Maximum length"), q.maxLength, function (v) { q.maxLength = v === "" ? undefined : Number(v); }, { type: "number", min: "1", max: "4000" }));
    }
    if (q.type === "date") {
      card.appendChild(field(T("Từ ngày", "From"), q.minDate, function (v) { q.minDate = v || undefined; }, { type: "date" }));
      card.appendChild(field(T("Đến ngày", "To"), q.maxDate, function (v) { q.maxDate = v || undefined; }, { type: "date" }));
    }
    card.appendChild(labels(q.constraintMessage, q, "constraintMessage", T("Thông báo khi sai", "Message when invalid")));
    card.appendChild(condition(q, earlier));
    var qs = section.questions;
    card.appendChild(button("↑", function () { move(qs, i, -1); }));
    card.appendChild(button("↓", function () { move(qs, i, 1); }));
    card.appendChild(button(T("Xoá câu hỏi", "Remove question"), function () { qs.splice(i, 1); }, "link danger"));
    return card;
  }

  function render() {
    root.replaceChildren();
    var langs = el("div", { "class": "languages" });
    langs.appendChild(el("h2", {}, T("Ngôn ngữ", "Languages")));
    model.languages.forEach(function (lang, i) {
      var chip = el("span", { "class": "badge", lang: lang }, lang);
      langs.appendChild(chip);
      if (lang !== "vi" && lang !== "en") langs.appendChild(button("×", function () { model.languages.splice(i, 1); }, "link"));
    });
    var add = el("input", { id: "new-language", placeholder: "km, hmn, th…", maxlength: "12", "aria-label": T("Mã ngôn ngữ mới", "New language code") });
    langs.appendChild(add);
    langs.appendChild(button(T("Thêm ngôn ngữ", "Add language"), function () {
      var code = add.value.trim().toLowerCase();
      if (/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/.test(code) && model.languages.indexOf(code) < 0) model.languages.push(code);
    }));
    root.appendChild(langs);
    root.appendChild(labels(model.title, model, "title", T("Tiêu đề", "Title")));
    root.appendChild(labels(model.intro, model, "intro", T("Lời giới thiệu", "Introduction")));
    var earlier = [];
    model.sections.forEach(function (s, si) {
      var box = el("section", { "class": "builder-section" });
      box.appendChild(el("h2", {}, T("Phần ", "Section ") + (si + 1)));
      box.appendChild(field(T("Mã phần", "Section code"), s.key, function (v) { s.key = v; }, { maxlength: "40" }));
      box.appendChild(labels(s.title, s, "title", T("Tiêu đề phần", "Section title")));
      box.appendChild(condition(s, earlier.slice()));
      s.questions.forEach(function (q, qi) { box.appendChild(questionEditor(s, q, qi, earlier.slice())); earlier.push(q); });
      box.appendChild(button(T("Thêm câu hỏi", "Add question"), function () {
        s.questions.push({ key: nextKey("q"), type: "single", label: { vi: "", en: "" }, required: false,
          options: [{ key: "a", label: { vi: "Có", en: "Yes" } }, { key: "b", label: { vi: "Không", en: "No" } }] });
      }, "add-question"));
      if (model.sections.length > 1) box.appendChild(button(T("Xoá phần", "Remove section"), function () { model.sections.splice(si, 1); }, "link danger"));
      root.appendChild(box);
    });
    root.appendChild(button(T("Thêm phần", "Add section"), function () {
      model.sections.push({ key: nextKey("s"), title: { vi: "", en: "" }, questions: [] });
    }));
  }
  model.languages = model.languages || ["vi", "en"];
  model.sections = model.sections || [];
  render();
  sync();
})();
