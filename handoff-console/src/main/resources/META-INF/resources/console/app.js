// The staff console: a client of the bot's /api/console API. Resident-supplied text is only ever
// set with textContent, so a message such as <img src=x onerror=...> shows literally.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const WHO = { resident: 'Resident', bot: 'Bot', agent: 'Staff', system: 'System' };

  const queueList = document.getElementById('queue');
  const queueEmpty = document.getElementById('queue-empty');
  const queueCount = document.getElementById('queue-count');
  const announcer = document.getElementById('announcer');
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

  function renderQueue(items) {
    queueList.replaceChildren();
    queueEmpty.hidden = items.length > 0;
    queueCount.textContent = '(' + items.length + ')';
    const arrivals = items.filter((i) => !known.has(i.conversationId) && i.state === 'AWAITING_AGENT');
    if (!firstLoad && arrivals.length) {
      announcer.textContent = arrivals.length === 1
        ? 'New conversation waiting: ' + (arrivals[0].topicTitle || 'unknown topic')
        : arrivals.length + ' new conversations waiting';
    }
    firstLoad = false;
    known = new Set(items.map((i) => i.conversationId));
    for (const item of items) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = item.conversationId;
      if (item.urgent) button.classList.add('urgent');
      if (item.conversationId === selectedId) button.setAttribute('aria-current', 'true');
      const topic = document.createElement('span');
      topic.className = 'topic';
      if (item.urgent) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = 'URGENT';
        topic.appendChild(badge);
        topic.appendChild(document.createTextNode(' '));
      }
      topic.appendChild(document.createTextNode(item.topicTitle || 'Not understood'));
      const meta = document.createElement('span');
      meta.className = 'meta';
      const who = item.state === 'WITH_AGENT' ? 'with ' + item.owner : 'waiting ' + minutes(item.waitingSeconds);
      meta.textContent = item.channel + ' · ' + item.team + ' · ' + who;
      const preview = document.createElement('span');
      preview.className = 'meta preview';
      preview.textContent = item.preview ? '“' + item.preview + '”' : '';
      button.append(topic, meta, document.createElement('br'), preview);
      button.addEventListener('click', () => select(item.conversationId));
      li.appendChild(button);
      queueList.appendChild(li);
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
      renderQueue(await api('GET', '/queue'));
    } catch (e) {
      if (e.message !== 'Signed out') announcer.textContent = 'Cannot reach the server; retrying.';
    }
  }

  async function tick() {
    await refreshQueue();
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
    await tick();
    setInterval(tick, POLL_MS);
  }
  init();
})();
