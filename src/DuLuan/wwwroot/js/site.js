// Progressive enhancement of the unit picker: search as you type and lazy tree expansion.
// Every feature works without JavaScript through the plain GET form and links.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function unitLink(unit) {
    var li = el("li", { "data-id": String(unit.id) });
    li.appendChild(el("a", { href: "/Units/Details?id=" + unit.id }, unit.name));
    return li;
  }

  var form = document.querySelector("[data-unit-search]");
  var results = document.getElementById("unit-results");
  if (form && results) {
    var input = form.querySelector("input[name=q]");
    var timer = 0;
    var latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        var ticket = ++latest;
        if (!q) { results.replaceChildren(); return; }
        fetch("/api/units/search?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (units) {
            if (ticket !== latest) return;
            var list = el("ul", { class: "results" });
            units.forEach(function (u) { list.appendChild(unitLink(u)); });
            results.replaceChildren(units.length ? list : el("p", { class: "empty" }, form.getAttribute("data-empty") || "—"));
          });
      }, 200);
    });
  }

  // In a form (data-pick="fieldName") the tree picks a unit: each child is a radio button, not a link.
  function unitPick(unit, field) {
    var li = el("li", { "data-id": String(unit.id) });
    var label = el("label", { class: "check" });
    label.appendChild(el("input", { type: "radio", name: field, value: String(unit.id) }));
    label.appendChild(document.createTextNode(" " + unit.name));
    li.appendChild(label);
    return li;
  }

  document.querySelectorAll("[data-unit-tree]").forEach(function (tree) {
    var pick = tree.getAttribute("data-pick");
    tree.addEventListener("click", function (event) {
      var button = event.target.closest("button.toggle");
      if (!button) return;
      var li = button.parentElement;
      var open = button.getAttribute("aria-expanded") === "true";
      var existing = li.querySelector(":scope > ul");
      if (open) {
        button.setAttribute("aria-expanded", "false");
        button.textContent = "▸";
        if (existing) existing.hidden = true;
        return;
      }
      button.setAttribute("aria-expanded", "true");
      button.textContent = "▾";
      if (existing) { existing.hidden = false; return; }
      fetch("/api/units/" + li.getAttribute("data-id") + "/children", { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (units) {
          var list = el("ul");
          units.forEach(function (u) {
            var child = pick ? unitPick(u, pick) : unitLink(u);
            var toggle = el("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-label": u.name }, "▸");
            child.insertBefore(document.createTextNode(" "), child.firstChild);
            child.insertBefore(toggle, child.firstChild);
            list.appendChild(child);
          });
          li.appendChild(list);
        });
    });
  });
})();
