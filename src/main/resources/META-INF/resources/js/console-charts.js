// Bar charts of the supervision pages: every <canvas class="bar-chart" data-chart='{"labels":[…],"counts":[…]}'>.
// The same numbers are in the table beside each chart, for screen readers and without JavaScript.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas.bar-chart').forEach(function (canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    canvas.chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: [{ data: data.counts, backgroundColor: '#0b3d6e' }] },
      options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
});
