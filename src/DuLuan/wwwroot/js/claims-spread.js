// Spread of a claim over time: articles per day in the stories linked to it, from the canvas's data-spread attribute.
(function () {
  const canvas = document.getElementById('spread-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  const data = JSON.parse(canvas.dataset.spread || '{}');
  if (!data.days) return;
  new Chart(canvas, {
    type: 'bar',
    data: { labels: data.days, datasets: [{ label: data.label, data: data.counts, backgroundColor: '#1d4e89' }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
})();
