// One Chart.js bar chart per question from the JSON results API, with the 95% margin of error drawn
// as a whisker on each bar. Hidden cells (under 5 responses) have no bar.
(function () {
  "use strict";
  var box = document.getElementById("results");
  if (!box || typeof Chart === "undefined") return;
  var whiskers = {
    id: "whiskers",
    afterDatasetsDraw: function (chart) {
      var ds = chart.data.datasets[0];
      var meta = chart.getDatasetMeta(0);
      var ctx = chart.ctx;
      var x = chart.scales.x;
      ctx.save();
      ctx.strokeStyle = "#1c2430";
      ctx.lineWidth = 1.5;
      meta.data.forEach(function (bar, i) {
        var v = ds.data[i], m = ds.margins[i];
        if (v === null || m === null) return;
        var lo = x.getPixelForValue(Math.max(0, v - m)), hi = x.getPixelForValue(Math.min(100, v + m)), y = bar.y;
        ctx.beginPath();
        ctx.moveTo(lo, y); ctx.lineTo(hi, y);
        ctx.moveTo(lo, y - 5); ctx.lineTo(lo, y + 5);
        ctx.moveTo(hi, y - 5); ctx.lineTo(hi, y + 5);
        ctx.stroke();
      });
      ctx.restore();
    }
  };
  fetch(box.getAttribute("data-results"), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (report) {
      if (!report) return;
      report.questions.forEach(function (q) {
        var canvas = document.getElementById("chart-" + q.key);
        if (!canvas || !q.options.length) return;
        canvas.parentNode.classList.add("chart-" + Math.min(q.options.length, 12));
        new Chart(canvas, {
          type: "bar",
          data: {
            labels: q.options.map(function (o) { return o.label; }),
            datasets: [{
              label: "%",
              data: q.options.map(function (o) { return o.percent === null ? null : Math.round(o.percent * 10) / 10; }),
              margins: q.options.map(function (o) { return o.margin; }),
              backgroundColor: "#b3261e"
            }]
          },
          options: {
            indexAxis: "y",
            animation: false,
            maintainAspectRatio: false,
            scales: { x: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } },
            plugins: {
              legend: { display: false },
              tooltip: { callbacks: { label: function (c) { var m = c.dataset.margins[c.dataIndex]; return c.formattedValue + "% ± " + (m === null ? "?" : m.toFixed(1)); } } }
            }
          },
          plugins: [whiskers]
        });
      });
    });
})();
