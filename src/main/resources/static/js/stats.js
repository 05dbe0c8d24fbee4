// Charts of the supervision dashboard (/stats). The tables beside them carry the same figures, so without
// JavaScript (or ECharts) nothing is lost: the chart containers stay hidden.
(function () {
  function ready(fn) { if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); } }
  ready(function () {
    var dataEl = document.getElementById('stats-data');
    if (!dataEl || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(dataEl.textContent);
    var script = document.querySelector('script[data-days]');
    var t = script ? script.dataset : {};
    var levelName = { COUNTY: t.county, CITY: t.city, PROVINCE: t.province };
    var colours = ['#1d4f91', '#a8151b', '#0b6b3a', '#8a6a00'];
    function show(id, option) {
      var el = document.getElementById(id);
      if (!el) { return; }
      el.hidden = false;
      var chart = echarts.init(el);
      option.color = colours;
      option.animation = false;
      chart.setOption(option);
      window.addEventListener('resize', function () { chart.resize(); });
    }
    show('chart-level', {
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b}: {d}%' },
        data: data.byLevel.map(function (r) { return { name: levelName[r.level] || r.level, value: Number(r.workingDays) }; }) }]
    });
    var steps = data.byStep.slice().reverse();
    show('chart-step', {
      tooltip: { trigger: 'axis' }, grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: t.average },
      yAxis: { type: 'category', data: steps.map(function (r) { return r.stepName + ' · ' + (levelName[r.level] || r.level); }) },
      series: [{ type: 'bar', name: t.average, data: steps.map(function (r) { return Number(r.averageWorkingDays); }),
        label: { show: true, position: 'right' } }]
    });
    show('chart-week', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.byWeek.map(function (w) { return w.weekStart; }) },
      yAxis: [{ type: 'value', name: t.cases }, { type: 'value', name: t.average }],
      series: [
        { type: 'bar', name: t.cases, data: data.byWeek.map(function (w) { return w.cases; }) },
        { type: 'line', name: t.average, yAxisIndex: 1,
          data: data.byWeek.map(function (w) { return w.averageWorkingDays === null ? null : Number(w.averageWorkingDays); }) }
      ]
    });
  });
})();
