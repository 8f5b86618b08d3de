// The insight page: a client of GET /api/console/insight (MANAGER or ADMIN). Each chart is drawn with
// Chart.js from the same rows as the table below it (the chart's text alternative) and its CSV link.
// Text is set with textContent only.
(function () {
  'use strict';
  const api = window.ConsoleApi.call;
  const form = document.getElementById('insight-form');
  const message = document.getElementById('insight-message');
  const status = document.getElementById('insight-status');
  const charts = document.getElementById('charts');
  const drawn = [];
  // Colours with at least 3:1 against white (WCAG 1.4.11), told apart by more than hue: the tables say it all.
  const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#505a5f'];

  Chart.defaults.color = '#0b0c0c';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Arial, sans-serif';
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  function say(text) {
    message.textContent = text || '';
    message.hidden = !text;
  }

  function percent(rate) {
    return rate == null ? '–' : (Math.round(rate * 1000) / 10) + '%';
  }

  function duration(seconds) {
    if (seconds == null) return '–';
    if (seconds < 60) return 'up to ' + seconds + ' s';
    if (seconds < 3600) return 'up to ' + Math.round(seconds / 60) + ' min';
    return 'up to ' + Math.round(seconds / 360) / 10 + ' h';
  }

  // A long label on its own lines (Chart.js draws an array as lines), so it is not cut at the chart's edge.
  function wrapped(label) {
    const lines = [];
    let line = '';
    for (const word of String(label).split(' ')) {
      if (line && (line + ' ' + word).length > 22) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    lines.push(line);
    return lines.length === 1 ? lines[0] : lines;
  }

  function query(extra) {
    const params = new URLSearchParams();
    for (const name of ['from', 'to', 'channel', 'team']) {
      const value = document.getElementById(name).value;
      if (value) params.set(name, value);
    }
    for (const [name, value] of Object.entries(extra || {})) params.set(name, value);
    return params.toString();
  }

  function csvHref(table) {
    return '/api/console/insight.csv?' + query({ table });
  }

  /**
   * One figure: a heading, a chart (role img, named), the table of its figures and a CSV link.
   * spec: { id, title, table, columns: [{ label, value(row) }], rows, labels(row), series: [{ label, value(row) }],
   *         type, horizontal, empty }
   */
  function figure(spec) {
    const section = document.createElement('section');
    section.className = 'figure';
    section.setAttribute('aria-labelledby', spec.id + '-title');
    const heading = document.createElement('h2');
    heading.id = spec.id + '-title';
    heading.textContent = spec.title;
    section.appendChild(heading);
    if (!spec.rows.length) {
      const none = document.createElement('p');
      none.className = 'muted';
      none.textContent = spec.empty || 'Nothing counted in this period.';
      section.appendChild(none);
    } else {
      const box = document.createElement('div');
      box.className = 'chart-box';
      box.style.height = Math.max(220, spec.horizontal ? spec.rows.length * 28 + 60 : 260) + 'px';
      const canvas = document.createElement('canvas');
      canvas.id = spec.id + '-chart';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'Chart: ' + spec.title + '. The same figures are in the table below.');
      box.appendChild(canvas);
      section.appendChild(box);
      drawn.push(new Chart(canvas, {
        type: spec.type || 'bar',
        data: {
          labels: spec.rows.map((row) => wrapped(spec.labels(row))),
          datasets: spec.series.map((s, i) => ({
            label: s.label, data: spec.rows.map(s.value), backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length], borderWidth: 2, pointRadius: 3, maxBarThickness: 36
          }))
        },
        options: {
          indexAxis: spec.horizontal ? 'y' : 'x',
          responsive: true,
          plugins: { legend: { display: spec.series.length > 1 } },
          // Counts are whole numbers: no 0.5 ticks (times are in minutes and may be fractions).
          scales: {
            x: { beginAtZero: true, stacked: !!spec.stacked, ticks: spec.horizontal && !spec.fractions ? { precision: 0 } : {} },
            y: { beginAtZero: true, stacked: !!spec.stacked, ticks: !spec.horizontal && !spec.fractions ? { precision: 0 } : {} }
          }
        }
      }));
      const wrap = document.createElement('div');
      wrap.className = 'table-wrap';
      // A wide table scrolls sideways on a phone: it can be reached and scrolled by keyboard.
      wrap.tabIndex = 0;
      wrap.setAttribute('role', 'region');
      wrap.setAttribute('aria-label', spec.title + ', table');
      const table = document.createElement('table');
      table.className = 'results';
      table.id = spec.id + '-table';
      const caption = document.createElement('caption');
      caption.textContent = spec.title + ' (the figures of the chart)';
      table.appendChild(caption);
      const head = table.createTHead().insertRow();
      for (const column of spec.columns) {
        const th = document.createElement('th');
        th.scope = 'col';
        th.textContent = column.label;
        head.appendChild(th);
      }
      const body = table.createTBody();
      for (const row of spec.rows) {
        const tr = body.insertRow();
        spec.columns.forEach((column, i) => {
          const cell = i === 0 ? document.createElement('th') : document.createElement('td');
          if (i === 0) cell.scope = 'row';
          const value = column.value(row);
          cell.textContent = value == null ? '–' : String(value);
          tr.appendChild(cell);
        });
      }
      wrap.appendChild(table);
      section.appendChild(wrap);
    }
    const link = document.createElement('p');
    const a = document.createElement('a');
    a.className = 'csv';
    a.href = csvHref(spec.table);
    a.textContent = spec.title + ' as CSV';
    link.appendChild(a);
    section.appendChild(link);
    charts.appendChild(section);
  }

  function totals(report) {
    const t = report.totals;
    const list = document.getElementById('totals');
    list.replaceChildren();
    const rows = [
      ['Contacts', t.contacts], ['Messages from residents', t.residentMessages],
      ['Contained (ended without a person)', t.contained + ' of ' + t.closed + ' ended (' + percent(t.containmentRate) + ')'],
      ['Handed to a person', t.handedOff + ' (' + percent(t.escalationRate) + ' of contacts)'],
      ['Clarification rate', percent(t.clarificationRate) + ' of messages (' + t.clarified + ')'],
      ['Not understood', percent(t.notUnderstoodRate) + ' of messages (' + t.notUnderstood + ')'],
      ['Left the queue before a person came', t.abandoned + ' (' + percent(t.abandonmentRate) + ' of handoffs)'],
      ['Repeat contacts (same topic within 7 days)', t.repeatContacts + ' (' + percent(t.repeatRate) + ' of topics)']
    ];
    for (const [term, value] of rows) {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = String(value);
      list.append(dt, dd);
    }
  }

  function render(report) {
    drawn.splice(0).forEach((c) => c.destroy());
    charts.replaceChildren();
    totals(report);
    const teamName = (t) => (t === 'none' ? 'No team' : (window.ConsoleWords ? window.ConsoleWords.teamWords(t) : t));
    figure({ id: 'daily', title: 'Contacts by day', table: 'daily', type: 'line', rows: report.daily,
      labels: (d) => d.day,
      series: [{ label: 'Contacts', value: (d) => d.contacts }, { label: 'Contained', value: (d) => d.contained },
        { label: 'Handed to a person', value: (d) => d.handedOff }],
      columns: [{ label: 'Day', value: (d) => d.day }, { label: 'Contacts', value: (d) => d.contacts },
        { label: 'Contained', value: (d) => d.contained }, { label: 'Handed to a person', value: (d) => d.handedOff }] });
    figure({ id: 'escalations', title: 'Handed to a person, by reason', table: 'escalations', horizontal: true,
      rows: report.escalations, labels: (c) => c.label, series: [{ label: 'Handoffs', value: (c) => c.count }],
      columns: [{ label: 'Reason', value: (c) => c.label }, { label: 'Handoffs', value: (c) => c.count }] });
    figure({ id: 'helped', title: '"Did that help?" by topic', table: 'helped', horizontal: true, stacked: true,
      rows: report.helped, labels: (h) => h.title,
      series: [{ label: 'Yes', value: (h) => h.yes }, { label: 'No', value: (h) => h.no }],
      columns: [{ label: 'Topic', value: (h) => h.title }, { label: 'Yes', value: (h) => h.yes },
        { label: 'No', value: (h) => h.no }] });
    const timed = report.times.filter((t) => t.count > 0);
    figure({ id: 'times', title: 'Waiting and handling times (minutes)', table: 'times', horizontal: true, fractions: true,
      rows: timed, labels: (t) => t.label,
      series: [{ label: 'Median', value: (t) => t.medianSeconds / 60 }, { label: '90th percentile', value: (t) => t.p90Seconds / 60 }],
      columns: [{ label: 'Measure', value: (t) => t.label }, { label: 'Measured', value: (t) => t.count },
        { label: 'Median', value: (t) => duration(t.medianSeconds) },
        { label: '90th percentile', value: (t) => duration(t.p90Seconds) }],
      empty: 'No waits or handling measured in this period.' });
    figure({ id: 'wrap-ups', title: 'Wrap-up codes', table: 'wrap_ups', horizontal: true, rows: report.wrapUps,
      labels: (c) => (window.ConsoleWords ? window.ConsoleWords.wrapUpWords(c.key) : c.key),
      series: [{ label: 'Conversations', value: (c) => c.count }],
      columns: [{ label: 'Wrap-up code', value: (c) => (window.ConsoleWords ? window.ConsoleWords.wrapUpWords(c.key) : c.key) },
        { label: 'Conversations', value: (c) => c.count }] });
    figure({ id: 'teams', title: 'Conversations per team', table: 'teams', horizontal: true, rows: report.teams,
      labels: (t) => teamName(t.team),
      series: [{ label: 'Contacts about its topics', value: (t) => t.contacts }, { label: 'Handed to it', value: (t) => t.handedOff },
        { label: 'Closed by its staff', value: (t) => t.closed }],
      columns: [{ label: 'Team', value: (t) => teamName(t.team) }, { label: 'Contacts about its topics', value: (t) => t.contacts },
        { label: 'Handed to it', value: (t) => t.handedOff }, { label: 'Taken', value: (t) => t.taken },
        { label: 'Closed by its staff', value: (t) => t.closed }] });
    figure({ id: 'staff', title: 'Conversations per member of staff', table: 'staff', horizontal: true,
      rows: report.staff, labels: (s) => s.username,
      series: [{ label: 'Taken', value: (s) => s.taken }, { label: 'Closed', value: (s) => s.closed }],
      columns: [{ label: 'Member of staff', value: (s) => s.username }, { label: 'Taken', value: (s) => s.taken },
        { label: 'Closed', value: (s) => s.closed }] });
    const topicColumns = [{ label: 'Topic', value: (t) => t.title }, { label: 'This period', value: (t) => t.count },
      { label: 'Previous period', value: (t) => t.previous }, { label: 'Change', value: (t) => (t.change > 0 ? '+' : '') + t.change },
      { label: 'Repeat contacts', value: (t) => t.repeats }];
    figure({ id: 'topics', title: 'Top topics', table: 'topics', horizontal: true, rows: report.topics,
      labels: (t) => t.title, series: [{ label: 'This period', value: (t) => t.count }], columns: topicColumns });
    figure({ id: 'trending', title: 'Trending topics (against ' + report.previousFrom + ' to ' + report.previousTo + ')',
      table: 'trending', horizontal: true, rows: report.trending, labels: (t) => t.title,
      series: [{ label: 'This period', value: (t) => t.count }, { label: 'Previous period', value: (t) => t.previous }],
      columns: topicColumns, empty: 'No topic rose against the previous period.' });
    const notes = document.getElementById('not-recorded');
    notes.replaceChildren(...report.notRecorded.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    }));
    document.querySelectorAll('a.csv[data-table]').forEach((a) => { a.href = csvHref(a.dataset.table); });
  }

  async function show() {
    say('');
    status.textContent = 'Loading the figures…';
    try {
      const report = await api('GET', '/insight?' + query());
      document.getElementById('from').value = report.from;
      document.getElementById('to').value = report.to;
      render(report);
      status.textContent = 'Figures from ' + report.from + ' to ' + report.to + '.';
    } catch (e) {
      status.textContent = '';
      say(e.message);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });

  async function init() {
    document.getElementById('logout-csrf').value = window.ConsoleApi.cookie('XSRF-TOKEN');
    try {
      const me = await api('GET', '/me');
      document.getElementById('me').textContent = me.username;
      document.getElementById('queue-link').hidden = !me.roles.includes('AGENT');
      document.getElementById('admin-link').hidden = !me.roles.includes('ADMIN');
      const team = document.getElementById('team');
      for (const name of (me.allTeams || []).concat(['none'])) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name === 'none' ? 'No team (not placed)'
          : (window.ConsoleWords ? window.ConsoleWords.teamWords(name) : name);
        team.appendChild(option);
      }
    } catch (e) {
      say(e.message);
    }
    await show();
  }

  init();
})();
