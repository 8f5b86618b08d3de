// Staff's search of past and current conversations: a client of /api/console/search. Results and
// transcripts are read-only; the server audits every search and every conversation opened.
(function () {
  'use strict';
  const { stateWords, channelWords, wrapUpWords, teamWords, dateTime, fact, lineItem } = window.ConsoleWords;
  const api = window.ConsoleApi.call;
  const form = document.getElementById('search-form');
  const message = document.getElementById('search-message');
  const status = document.getElementById('search-status');
  const results = document.getElementById('results');
  const rows = results.querySelector('tbody');
  const more = document.getElementById('more');
  const openedTitle = document.getElementById('opened-title');
  const opened = document.getElementById('opened');
  const openedFacts = document.getElementById('opened-facts');
  const openedTranscript = document.getElementById('opened-transcript');
  let asked = null;
  let next = null;
  let found = 0;

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function list(values, words) {
    return values && values.length ? values.map(words || ((v) => v)).join(', ') : '–';
  }

  function cell(tr, text) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }

  function row(hit) {
    const tr = document.createElement('tr');
    tr.dataset.id = hit.conversationId;
    const first = document.createElement('td');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'secondary small';
    open.textContent = hit.reference;
    open.setAttribute('aria-label', 'Open ' + hit.reference);
    open.addEventListener('click', () => show(hit.conversationId));
    first.appendChild(open);
    tr.appendChild(first);
    cell(tr, dateTime(hit.startedAt));
    cell(tr, dateTime(hit.lastChangedAt));
    cell(tr, hit.topicTitle || 'No topic');
    cell(tr, list(hit.teams, teamWords));
    cell(tr, list(hit.outcomes, wrapUpWords));
    cell(tr, list(hit.handledBy));
    cell(tr, stateWords(hit.state));
    return tr;
  }

  async function run(query, after) {
    say('');
    const params = new URLSearchParams(query);
    if (after) params.set('after', after);
    try {
      const page = await api('GET', '/search?' + params.toString());
      if (!after) {
        rows.replaceChildren();
        found = 0;
      }
      for (const hit of page.results) rows.appendChild(row(hit));
      found += page.results.length;
      asked = query;
      next = page.next || null;
      results.hidden = found === 0;
      more.hidden = !next;
      status.textContent = (found === 0 ? 'No conversations found' : found + (found === 1 ? ' conversation' : ' conversations')
        + ' found') + (page.stoppedAtScanLimit ? '. The search stopped after looking at as many conversations as it may at'
        + ' once: choose More results to go on, or narrow the dates.' : next ? '. There are more.' : '.');
    } catch (e) {
      say(e.message);
    }
  }

  async function show(id) {
    for (const tr of rows.querySelectorAll('tr')) tr.setAttribute('aria-current', String(tr.dataset.id === id));
    try {
      const c = await api('GET', '/search/conversations/' + encodeURIComponent(id));
      const hit = c.conversation;
      openedTitle.textContent = 'Conversation ' + hit.reference + ' (read-only)';
      openedFacts.replaceChildren();
      fact(openedFacts, 'Now', stateWords(hit.state));
      fact(openedFacts, 'Channel', channelWords(hit.channel));
      fact(openedFacts, 'Started', dateTime(hit.startedAt));
      fact(openedFacts, 'Last message', dateTime(hit.lastChangedAt));
      fact(openedFacts, 'Topic', hit.topicTitle);
      fact(openedFacts, 'Teams', list(hit.teams, teamWords));
      fact(openedFacts, 'Outcome', list(hit.outcomes, wrapUpWords));
      fact(openedFacts, 'Handled by', list(hit.handledBy));
      if (hit.satisfaction != null) fact(openedFacts, 'Resident\'s rating', hit.satisfaction + ' out of 5');
      openedTranscript.replaceChildren(...c.transcript.map(lineItem));
      opened.hidden = false;
      openedTitle.focus();
    } catch (e) {
      say(e.message);
    }
  }

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = {};
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim()) query[name] = String(value).trim();
    }
    if (!Object.keys(query).length) {
      say('Give a reference, words, dates, a team or an outcome to search by.');
      document.getElementById('reference').focus();
      return;
    }
    run(query, null);
  });
  form.addEventListener('reset', () => {
    say('');
    status.textContent = '';
    rows.replaceChildren();
    results.hidden = true;
    more.hidden = true;
  });
  more.addEventListener('click', () => {
    if (next) run(asked, next);
  });

  async function init() {
    try {
      const me = await api('GET', '/me');
      const everyone = me.roles.includes('SUPERVISOR') || me.roles.includes('ADMIN');
      for (const team of everyone || !me.teams.length ? me.allTeams : me.teams) {
        option(document.getElementById('team'), team, teamWords(team));
      }
      for (const code of me.wrapUpCodes) option(document.getElementById('outcome'), code, wrapUpWords(code));
    } catch (e) {
      say(e.message);
    }
  }
  init();
})();
