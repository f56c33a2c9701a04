// Draws the dashboard's two charts with Chart.js from the data the server rendered into the page as JSON
// (#chart-data): the Content-Security-Policy allows no inline script. Without JavaScript the counts beside the
// charts remain.
(function () {
  'use strict';
  var source = document.getElementById('chart-data');
  if (!source || typeof Chart === 'undefined') {
    return;
  }
  var charts = JSON.parse(source.textContent);

  function bar(canvasId, series, colors) {
    var canvas = document.getElementById(canvasId);
    if (!canvas || !series) {
      return;
    }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: series.labels,
        datasets: [{label: series.title, data: series.counts, backgroundColor: colors}]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {legend: {display: false}},
        scales: {y: {beginAtZero: true, ticks: {precision: 0}}}
      }
    });
  }

  bar('chart-by-stage', charts.byStage, '#0d6efd');
  // overdue, 0-2, 3-5, 6-10, 11-20, over 20 business days, no determination clock yet
  bar('chart-by-determination', charts.byDetermination,
      ['#dc3545', '#fd7e14', '#ffc107', '#20c997', '#198754', '#0f5132', '#adb5bd']);
}());
