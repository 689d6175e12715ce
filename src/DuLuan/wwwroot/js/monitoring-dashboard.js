// Topic trend chart on the monitoring dashboard; the numbers come from the canvas's data-trend attribute.
(function () {
  const canvas = document.getElementById('trend-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const data = JSON.parse(canvas.dataset.trend || '{}');
  if (!data.days) return;
  const colours = ['#0b6e4f', '#c44536', '#1d4e89', '#e09f3e', '#6a4c93', '#2a9d8f', '#8d6346', '#d62f8a'];
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: data.days,
      datasets: data.series.map((s, i) => ({ label: s.name, data: s.counts, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], tension: 0.2 }))
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
