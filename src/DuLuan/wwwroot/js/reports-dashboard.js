// Charts of the reports dashboard: each canvas.report-chart carries its kind, labels and series as data attributes.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;
  var colours = ["#1d4ed8", "#15803d", "#b45309", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#a21caf"];
  var number = new Intl.NumberFormat("vi-VN");
  document.querySelectorAll("canvas.report-chart").forEach(function (canvas) {
    var kind = canvas.getAttribute("data-kind") || "bar";
    var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
    var series = JSON.parse(canvas.getAttribute("data-series") || "[]");
    if (labels.length === 0 || series.length === 0) { canvas.closest("figure").hidden = true; return; }
    var pie = kind === "pie";
    new Chart(canvas, {
      type: kind,
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return {
            label: s.name,
            data: s.values,
            backgroundColor: pie ? labels.map(function (_, j) { return colours[j % colours.length]; }) : colours[i % colours.length],
            borderColor: pie ? "#fff" : colours[i % colours.length]
          };
        })
      },
      options: {
        responsive: true,
        // The box (.report-chart-box) sets the height: large enough to read on a laptop and on a phone.
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: pie ? "bottom" : "top", labels: { font: { size: 13 } } },
          tooltip: { callbacks: { label: function (c) { return (c.dataset.label ? c.dataset.label + ": " : "") + number.format(c.parsed.y !== undefined && !pie ? c.parsed.y : c.parsed); } } }
        },
        scales: pie ? {} : {
          x: { ticks: { font: { size: 12 }, autoSkip: false, maxRotation: 60 } },
          y: { beginAtZero: true, ticks: { font: { size: 12 }, callback: function (v) { return number.format(v); } } }
        }
      }
    });
  });
}());
