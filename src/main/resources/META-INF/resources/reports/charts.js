// Draws the report charts from the JSON the page carries (no second request, same data as the tables).
(function () {
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  const words = data.words;
  const colors = ['#0b5394', '#e69138', '#6aa84f', '#cc0000', '#674ea7', '#45818e', '#bf9000', '#a64d79'];
  function bar(id, series, label, color) {
    return new Chart(document.getElementById(id), {
      type: 'bar',
      data: { labels: series.labels, datasets: [{ label: label, data: series.values, backgroundColor: color }] },
      options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } }
    });
  }
  bar('chart-channels', data.channels, words.tickets, colors);
  bar('chart-categories', data.categories, words.tickets, '#0b5394');
  bar('chart-overdue', data.overdue, words.overdue, '#cc0000');
  new Chart(document.getElementById('chart-weekly'), {
    type: 'line',
    data: {
      labels: data.weekly.labels,
      datasets: [
        { label: words.response, data: data.weekly.response, borderColor: colors[0], spanGaps: true },
        { label: words.resolution, data: data.weekly.resolution, borderColor: colors[1], spanGaps: true },
        { label: words.satisfaction, data: data.weekly.satisfaction, borderColor: colors[2], spanGaps: true }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { min: 0, max: 100, ticks: { callback: v => v + '%' } } } }
  });
})();
