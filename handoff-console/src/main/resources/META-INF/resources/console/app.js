// The staff console: a client of the bot's /api/console API. Resident-supplied text is only ever
// set with textContent, so a message such as <img src=x onerror=...> shows literally.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const NEW_MS = 30000;
  const WHO = { resident: 'Resident', bot: 'Bot', agent: 'Staff', system: 'System' };

  const queueList = document.getElementById('queue');
  const queueEmpty = document.getElementById('queue-empty');
  const queueCount = document.getElementById('queue-count');
  const announcer = document.getElementById('announcer');
  const arrival = document.getElementById('arrival');
  const teamFilter = document.getElementById('team-filter');
  const liveStatus = document.getElementById('live-status');
  const title = document.getElementById('conversation-title');
  const panel = document.getElementById('conversation');
  const facts = document.getElementById('facts');
  const transcript = document.getElementById('transcript');
  const actionMessage = document.getElementById('action-message');
  const claimButton = document.getElementById('claim');
  const releaseButton = document.getElementById('release');
  const closeButton = document.getElementById('close');
  const replyForm = document.getElementById('reply-form');
  const replyBox = document.getElementById('reply');

  let me = null;
  let selectedId = null;
  let known = new Set();
  let firstLoad = true;
  let lastItems = [];
  const freshIds = new Map();
  let serverOffset = 0;
  let streaming = false;

  function cookie(name) {
    const match = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : '';
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch('/api/console' + path, {
      method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (response.status === 401) {
      location.href = '/console/login.html';
      throw new Error('Signed out');
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const err = new Error(data.error || 'That did not work. Please try again.');
      err.status = response.status;
      throw err;
    }
    return data;
  }

  function say(text) {
    actionMessage.textContent = text;
    actionMessage.hidden = !text;
  }

  function minutes(seconds) {
    if (seconds < 60) return seconds + ' s';
    return Math.floor(seconds / 60) + ' min';
  }

  function waitText(seconds) {
    return 'waiting ' + minutes(Math.max(0, seconds));
  }

  // Wait times grow by themselves: count them here from the server's clock instead of re-sending.
  function secondsSince(isoTime) {
    return Math.floor((Date.now() + serverOffset - Date.parse(isoTime)) / 1000);
  }

  function updateWaits() {
    for (const span of queueList.querySelectorAll('[data-since]')) {
      span.textContent = waitText(secondsSince(span.dataset.since));
    }
  }

  function renderTeamFilter(items) {
    const teams = new Set(items.map((i) => i.team));
    if (teamFilter.value) teams.add(teamFilter.value);
    const have = new Set([...teamFilter.options].map((o) => o.value).filter(Boolean));
    for (const team of teams) {
      if (!have.has(team)) {
        const option = document.createElement('option');
        option.value = team;
        option.textContent = team;
        teamFilter.appendChild(option);
      }
    }
  }

  function queueRow(item, isNew) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = item.conversationId;
    if (item.urgent) button.classList.add('urgent');
    if (item.alert) button.classList.add('overdue');
    if (isNew) button.classList.add('new');
    if (item.conversationId === selectedId) button.setAttribute('aria-current', 'true');
    const topic = document.createElement('span');
    topic.className = 'topic';
    for (const [flag, label, css] of [[item.urgent, 'URGENT', 'badge'], [item.alert, 'WAITING TOO LONG', 'badge alert'],
      [isNew, 'NEW', 'badge new']]) {
      if (!flag) continue;
      const badge = document.createElement('span');
      badge.className = css;
      badge.textContent = label;
      topic.append(badge, document.createTextNode(' '));
    }
    topic.appendChild(document.createTextNode(item.topicTitle || 'Not understood'));
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.append(document.createTextNode(item.channel + ' · '));
    const wait = document.createElement('span');
    if (item.state === 'WITH_AGENT') {
      wait.textContent = 'with ' + item.owner;
    } else {
      wait.dataset.since = item.waitingSince;
      wait.textContent = waitText(secondsSince(item.waitingSince));
    }
    meta.appendChild(wait);
    const preview = document.createElement('span');
    preview.className = 'meta preview';
    preview.textContent = item.preview ? '“' + item.preview + '”' : '';
    button.append(topic, meta, preview);
    button.addEventListener('click', () => select(item.conversationId));
    li.appendChild(button);
    return li;
  }

  function announce(arrivals) {
    if (!arrivals.length) return;
    const text = arrivals.length === 1
      ? 'New conversation waiting' + (arrivals[0].urgent ? ', urgent' : '') + ': '
        + (arrivals[0].topicTitle || 'not understood') + ' (' + arrivals[0].team + ')'
      : arrivals.length + ' new conversations waiting';
    announcer.textContent = text;
    arrival.textContent = text;
    arrival.hidden = false;
  }

  function renderQueue(items) {
    lastItems = items;
    renderTeamFilter(items);
    const arrivals = items.filter((i) => !known.has(i.conversationId) && i.state === 'AWAITING_AGENT');
    if (!firstLoad) {
      for (const a of arrivals) freshIds.set(a.conversationId, Date.now());
      announce(arrivals);
    }
    firstLoad = false;
    known = new Set(items.map((i) => i.conversationId));
    const shown = teamFilter.value ? items.filter((i) => i.team === teamFilter.value) : items;
    const hadFocus = document.activeElement && document.activeElement.closest('#queue')
      ? document.activeElement.dataset.id : null;
    queueList.replaceChildren();
    queueEmpty.hidden = shown.length > 0;
    queueCount.textContent = '(' + shown.length + ')';
    // One list per team, each in the queue's order: urgent first, then longest waiting.
    const teams = new Map();
    for (const item of shown) {
      if (!teams.has(item.team)) teams.set(item.team, []);
      teams.get(item.team).push(item);
    }
    for (const [team, teamItems] of teams) {
      const group = document.createElement('section');
      group.className = 'team';
      const heading = document.createElement('h3');
      heading.textContent = team + ' (' + teamItems.length + ')';
      const list = document.createElement('ul');
      list.className = 'queue-list';
      list.setAttribute('aria-label', team + ' queue');
      for (const item of teamItems) {
        const fresh = freshIds.has(item.conversationId) && Date.now() - freshIds.get(item.conversationId) < NEW_MS;
        list.appendChild(queueRow(item, fresh));
      }
      group.append(heading, list);
      queueList.appendChild(group);
    }
    if (hadFocus) {
      const again = queueList.querySelector('button[data-id="' + CSS.escape(hadFocus) + '"]');
      if (again) again.focus();
    }
  }

  function fact(term, value) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value == null || value === '' ? '–' : String(value);
    facts.append(dt, dd);
  }

  function renderConversation(c) {
    panel.hidden = false;
    title.textContent = 'Conversation ' + c.conversationId.substring(0, 8);
    facts.replaceChildren();
    fact('State', c.state);
    fact('Channel', c.channel);
    fact('With', c.owner);
    if (c.handoff) {
      fact('Team', c.handoff.team);
      fact('Topic', c.handoff.topic);
      fact('Reason', c.handoff.reason);
      fact('Waiting since', new Date(c.handoff.waitingSince).toLocaleTimeString());
    }
    const mine = c.owner && me && c.owner === me.username;
    claimButton.disabled = c.state !== 'AWAITING_AGENT';
    releaseButton.disabled = !mine;
    closeButton.disabled = !(mine || c.state === 'AWAITING_AGENT');
    replyBox.disabled = !mine;
    document.getElementById('send-reply').disabled = !mine;
    transcript.replaceChildren();
    for (const line of c.transcript) {
      const li = document.createElement('li');
      li.className = line.from;
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = (WHO[line.from] || line.from) + (line.author ? ' (' + line.author + ')' : '');
      const text = document.createElement('span');
      text.className = 'text';
      text.textContent = line.text;
      li.append(who, text);
      if (line.guesses && line.guesses.length) {
        const guesses = document.createElement('span');
        guesses.className = 'guesses';
        guesses.textContent = 'Bot guessed: ' + line.guesses
          .map((g) => g.intent + ' ' + Math.round(g.confidence * 100) + '%').join(', ');
        li.appendChild(guesses);
      }
      transcript.appendChild(li);
    }
    transcript.scrollTop = transcript.scrollHeight;
  }

  async function select(id) {
    selectedId = id;
    say('');
    try {
      renderConversation(await api('GET', '/conversations/' + encodeURIComponent(id)));
      for (const b of queueList.querySelectorAll('button')) {
        b.setAttribute('aria-current', String(b.dataset.id === id));
      }
    } catch (e) {
      say(e.message);
    }
  }

  async function act(action) {
    if (!selectedId) return;
    say('');
    try {
      renderConversation(await api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/' + action));
      await refreshQueue();
    } catch (e) {
      say(e.message);
      await select(selectedId);
    }
  }

  async function refreshQueue() {
    try {
      const items = await api('GET', '/queue');
      renderQueue(items);
    } catch (e) {
      if (e.message !== 'Signed out') announcer.textContent = 'Cannot reach the server; retrying.';
    }
  }

  // The live queue: the server pushes the whole list whenever it changes (on any bot instance).
  // While the stream is down the page falls back to asking every POLL_MS.
  function connectStream() {
    const source = new EventSource('/api/console/queue/stream');
    source.addEventListener('queue', (event) => {
      streaming = true;
      liveStatus.textContent = 'Live';
      const snapshot = JSON.parse(event.data);
      serverOffset = Date.parse(snapshot.serverTime) - Date.now();
      renderQueue(snapshot.items);
    });
    source.addEventListener('error', () => {
      streaming = false;
      liveStatus.textContent = 'Reconnecting…';
      if (source.readyState === EventSource.CLOSED) setTimeout(connectStream, POLL_MS * 2);
    });
  }

  async function tick() {
    if (!streaming) await refreshQueue();
    updateWaits();
    if (selectedId && document.activeElement !== replyBox) {
      try {
        renderConversation(await api('GET', '/conversations/' + encodeURIComponent(selectedId)));
      } catch (e) {
        /* shown on the next action */
      }
    }
  }

  claimButton.addEventListener('click', () => act('claim'));
  releaseButton.addEventListener('click', () => act('release'));
  closeButton.addEventListener('click', () => act('close'));
  replyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = replyBox.value.trim();
    if (!text || !selectedId) return;
    say('');
    try {
      renderConversation(await api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/messages', { text }));
      replyBox.value = '';
    } catch (e) {
      say(e.message);
    }
  });
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = cookie('XSRF-TOKEN');
  });

  async function init() {
    me = await api('GET', '/me');
    document.getElementById('me').textContent = me.username;
    teamFilter.value = localStorage.getItem('townhall.team') || '';
    teamFilter.addEventListener('change', () => {
      localStorage.setItem('townhall.team', teamFilter.value);
      renderQueue(lastItems);
    });
    connectStream();
    await tick();
    setInterval(tick, POLL_MS);
  }
  init();
})();
