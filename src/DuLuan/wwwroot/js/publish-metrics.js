// Bar chart of reach and interactions for the roll-up table; the figures come from the canvas's data attributes.
(function () {
  "use strict";
  var canvas = document.getElementById("metrics-chart");
  if (!canvas || typeof Chart === "undefined") return;
  var labels = JSON.parse(canvas.getAttribute("data-labels") || "[]");
  if (labels.length === 0) { canvas.parentNode.hidden = true; return; }
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: labels,
      datasets: [
        { label: canvas.getAttribute("data-reach-label"), data: JSON.parse(canvas.getAttribute("data-reach")), backgroundColor: "#1d4ed8" },
        { label: canvas.getAttribute("data-interactions-label"), data: JSON.parse(canvas.getAttribute("data-interactions")), backgroundColor: "#15803d" }
      ]
    },
    options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
  });
}());
