// The staff console: a client of the bot's /api/console API. Resident-supplied text is only ever
// set with textContent, so a message such as <img src=x onerror=...> shows literally.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const NEW_MS = 30000;
  const { stateWords, botStateWords, channelWords, wrapUpWords, teamWords, reasonWords, actionWords, contactWords,
    time, percent, fact, lineItem } = window.ConsoleWords;

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
  const botFacts = document.getElementById('bot-facts');
  const guesses = document.getElementById('guesses');
  const suggestions = document.getElementById('suggestions');
  const notes = document.getElementById('notes');
  const history = document.getElementById('history');
  const canned = document.getElementById('canned');
  const transferTeam = document.getElementById('transfer-team');
  const transferButton = document.getElementById('transfer');
  const wrapUp = document.getElementById('wrap-up');
  const closeTopic = document.getElementById('close-topic');
  const presence = document.getElementById('presence');
  const pauseBanner = document.getElementById('pause-banner');
  const noteForm = document.getElementById('note-form');
  const noteBox = document.getElementById('note');
  const transcript = document.getElementById('transcript');
  const actionMessage = document.getElementById('action-message');
  const claimButton = document.getElementById('claim');
  const releaseButton = document.getElementById('release');
  const closeButton = document.getElementById('close');
  const replyForm = document.getElementById('reply-form');
  const replyBox = document.getElementById('reply');
  const safeguardingAlert = document.getElementById('safeguarding-alert');
  const concern = document.getElementById('concern');
  const concernText = document.getElementById('concern-text');
  const concernCategory = document.getElementById('concern-category');
  const concernMark = document.getElementById('concern-mark');
  const concernClear = document.getElementById('concern-clear');
  // How many times each queued conversation's safeguarding concern has been raised, as last seen.
  const raisesSeen = new Map();

  let me = null;
  let selectedId = null;
  let current = null;
  let known = new Set();
  let firstLoad = true;
  let lastItems = [];
  const freshIds = new Map();
  let serverOffset = 0;
  let streaming = false;

  const cookie = window.ConsoleApi.cookie;
  const api = window.ConsoleApi.call;

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
        option.textContent = teamWords(team);
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
    if (item.safeguarding) button.classList.add('safeguarding');
    if (item.alert) button.classList.add('overdue');
    if (isNew) button.classList.add('new');
    if (item.conversationId === selectedId) button.setAttribute('aria-current', 'true');
    const topic = document.createElement('span');
    topic.className = 'topic';
    const concernLabel = item.safeguarding ? 'SAFEGUARDING: ' + item.safeguarding.title : '';
    for (const [flag, label, css] of [[item.safeguarding, concernLabel, 'badge safeguarding'],
      [item.urgent && !item.safeguarding, 'URGENT', 'badge'], [item.alert, 'WAITING TOO LONG', 'badge alert'],
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
    meta.append(document.createTextNode(channelWords(item.channel) + ' · '));
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

  // Optional sound: a short tone made in the page (no audio file to fetch), two for an urgent arrival.
  // Off unless chosen; the choice is remembered on this computer.
  const soundOn = document.getElementById('sound-on');
  soundOn.checked = localStorage.getItem('townhall.sound') === 'on';
  soundOn.addEventListener('change', () => localStorage.setItem('townhall.sound', soundOn.checked ? 'on' : 'off'));
  let audio = null;
  // Three higher tones for a safeguarding concern.
  function chime(urgent, safeguarding) {
    if (!soundOn.checked || !window.AudioContext) return;
    try {
      audio = audio || new AudioContext();
      for (let i = 0; i < (safeguarding ? 3 : urgent ? 2 : 1); i++) {
        const tone = audio.createOscillator();
        const gain = audio.createGain();
        const start = audio.currentTime + i * 0.3;
        tone.frequency.value = safeguarding ? 1175 : urgent ? 880 : 660;
        gain.gain.setValueAtTime(0.2, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.25);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.25);
      }
    } catch (e) {
      // A browser that refuses sound still shows and announces the arrival.
    }
  }

  // Desktop notifications, for when this tab is in the background. Off unless switched on here, which
  // is the only time the browser is asked for permission; the choice is remembered in this browser.
  // Urgent arrivals and safeguarding concerns always notify when on, other arrivals only if chosen.
  // A notification names the topic, the team and the urgency, never the resident's words: it shows on
  // the desktop, outside the console, where others may see it.
  const notifyOn = document.getElementById('notify-on');
  const notifyAll = document.getElementById('notify-all');
  const notifyStatus = document.getElementById('notify-status');
  const MOST_NOTIFIED = 3;

  function notificationsGranted() {
    return 'Notification' in window && Notification.permission === 'granted';
  }

  function showNotifyChoice(on, status) {
    notifyOn.checked = on;
    notifyAll.disabled = !on;
    localStorage.setItem('townhall.notify', on ? 'on' : 'off');
    notifyStatus.textContent = status;
  }

  notifyOn.checked = localStorage.getItem('townhall.notify') === 'on' && notificationsGranted();
  notifyAll.checked = localStorage.getItem('townhall.notify.all') === 'on';
  notifyAll.disabled = !notifyOn.checked;
  notifyOn.addEventListener('change', async () => {
    if (!notifyOn.checked) {
      showNotifyChoice(false, 'Desktop notifications off.');
      return;
    }
    if (!('Notification' in window)) {
      showNotifyChoice(false, 'This browser cannot show desktop notifications.');
      return;
    }
    const permission = Notification.permission === 'default' ? await Notification.requestPermission()
      : Notification.permission;
    if (permission !== 'granted') {
      showNotifyChoice(false, 'Notifications are blocked for this site: allow them in the browser\'s site settings, '
        + 'then switch them on again.');
      return;
    }
    showNotifyChoice(true, 'Desktop notifications on, while this tab is in the background.');
  });
  notifyAll.addEventListener('change', () => localStorage.setItem('townhall.notify.all', notifyAll.checked ? 'on' : 'off'));

  /** Shows a notification if switched on, allowed, and this tab is in the background; a click opens the conversation. */
  function notify(title, body, conversationId, stay) {
    if (!notifyOn.checked || !notificationsGranted() || document.visibilityState !== 'hidden') return;
    try {
      const shown = new Notification(title, { body, tag: 'townhall-' + conversationId, requireInteraction: stay });
      shown.addEventListener('click', () => {
        window.focus();
        select(conversationId);
        shown.close();
      });
    } catch (e) {
      // Some browsers (Chrome on Android) show notifications only from a service worker: the sound,
      // the banner and the announcement still tell of the arrival.
    }
  }

  function notifyArrivals(arrivals) {
    const wanted = arrivals.filter((a) => a.urgent || notifyAll.checked);
    if (wanted.length > MOST_NOTIFIED) {
      const urgent = wanted.filter((a) => a.urgent).length;
      notify(wanted.length + ' new conversations waiting', urgent ? urgent + ' of them urgent' : 'None of them urgent',
        'arrivals', false);
      return;
    }
    for (const a of wanted) {
      notify(a.urgent ? 'Urgent conversation waiting' : 'New conversation waiting',
        (a.topicTitle || 'Not understood') + ' – ' + teamWords(a.team) + ' team', a.conversationId, false);
    }
  }

  // A safeguarding concern has its own alert: a banner that stays until dismissed by opening the
  // conversation, an assertive announcement and its own tones. It fires for a new concern and again
  // whenever one is raised again (a second disclosure), and says so when the conversation is yours.
  function alertConcerns(items) {
    const raised = [];
    for (const item of items) {
      if (!item.safeguarding) continue;
      const before = raisesSeen.get(item.conversationId) || 0;
      if (item.safeguarding.raises > before) raised.push(item);
      raisesSeen.set(item.conversationId, item.safeguarding.raises);
    }
    for (const id of [...raisesSeen.keys()]) {
      if (!items.some((i) => i.conversationId === id && i.safeguarding)) raisesSeen.delete(id);
    }
    if (!raised.length) return;
    const first = raised[0];
    const mine = me && first.owner === me.username;
    const text = 'Safeguarding concern' + (first.safeguarding.raises > 1 ? ' raised again' : '') + ': '
      + first.safeguarding.title + (mine ? ', in your conversation ' : ' (' + teamWords(first.team) + ') ')
      + first.conversationId.substring(0, 8) + (raised.length > 1 ? ', and ' + (raised.length - 1) + ' more' : '');
    safeguardingAlert.textContent = text;
    safeguardingAlert.hidden = false;
    chime(true, true);
    for (const item of raised.slice(0, MOST_NOTIFIED)) {
      notify('Safeguarding concern' + (item.safeguarding.raises > 1 ? ' raised again' : '') + ': '
        + item.safeguarding.title, 'Urgent – ' + teamWords(item.team) + ' team', item.conversationId, true);
    }
  }

  function announce(arrivals) {
    if (!arrivals.length) return;
    chime(arrivals.some((a) => a.urgent), false);
    notifyArrivals(arrivals);
    const text = arrivals.length === 1
      ? 'New conversation waiting' + (arrivals[0].urgent ? ', urgent' : '') + ': '
        + (arrivals[0].topicTitle || 'not understood') + ' (' + teamWords(arrivals[0].team) + ')'
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
      announce(arrivals.filter((a) => !a.safeguarding));
    }
    alertConcerns(items);
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
      heading.textContent = teamWords(team) + ' (' + teamItems.length + ')';
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

  function item(list, text, className) {
    const li = document.createElement('li');
    if (className) li.className = className;
    li.textContent = text;
    list.appendChild(li);
    return li;
  }

  function renderContext(c) {
    facts.replaceChildren();
    fact(facts, 'State', stateWords(c.state));
    fact(facts, 'Channel', channelWords(c.channel));
    fact(facts, 'With', c.owner);
    if (c.handoff) {
      fact(facts, 'Team', teamWords(c.handoff.team));
      fact(facts, 'Reason', reasonWords(c.handoff.reason));
      fact(facts, 'Waiting since', time(c.handoff.waitingSince));
    }
    const bot = c.bot || {};
    botFacts.replaceChildren();
    fact(botFacts, 'Topic', bot.intentTitle);
    for (const [slot, value] of Object.entries(bot.slots || {})) fact(botFacts, slot, value);
    fact(botFacts, 'Answers given', (bot.answersGiven || [])
      .map((a) => a.title + (a.helped ? ' (helped: ' + a.helped + ')' : '')).join('; '));
    if (bot.firstResponseSeconds != null) fact(botFacts, 'First response', minutes(bot.firstResponseSeconds));
    if (bot.wrapUp) fact(botFacts, 'Wrap-up', wrapUpWords(bot.wrapUp));
    // The resident's answer to the satisfaction question after it was closed.
    if (c.satisfaction != null) fact(botFacts, 'Resident\'s rating', c.satisfaction + ' out of 5');
    if (bot.callBackReference) fact(botFacts, 'Call-back offered', bot.callBackReference);
    if ((bot.contactLeft || []).length) {
      fact(botFacts, 'Left for a reply', bot.contactLeft.map(contactWords).join(' and ')
        + ' (see the call-back list)');
    }
    guesses.replaceChildren();
    (bot.guesses || []).forEach((g, i) => item(guesses, (i === 0 ? 'Best guess: ' : 'Runner-up: ') + g.title
      + ' – ' + percent(g.confidence)));
    suggestions.replaceChildren();
    for (const s of bot.suggestions || []) {
      const li = item(suggestions, '', 'suggestion');
      const use = document.createElement('button');
      use.type = 'button';
      use.className = 'secondary small';
      use.textContent = 'Use';
      use.setAttribute('aria-label', 'Use the suggested answer: ' + s.title);
      use.addEventListener('click', () => insertReply(s.text));
      const text = document.createElement('span');
      text.textContent = s.title + ': ' + s.text;
      li.append(use, text);
    }
    if (!(bot.suggestions || []).length) item(suggestions, 'None for this topic.', 'muted');
    const cannedNow = [...canned.options].slice(1).map((o) => o.value);
    if (cannedNow.join('\n') !== (bot.cannedResponses || []).join('\n')) {
      canned.replaceChildren(canned.options[0]);
      for (const text of bot.cannedResponses || []) {
        const option = document.createElement('option');
        option.value = text;
        option.textContent = text;
        canned.appendChild(option);
      }
    }
    notes.replaceChildren();
    for (const n of c.notes || []) item(notes, time(n.at) + ' ' + n.author + ': ' + n.text, 'note');
    if (!(c.notes || []).length) item(notes, 'No notes yet.', 'muted');
    const earlier = document.getElementById('earlier');
    earlier.replaceChildren();
    for (const e of c.earlier || []) {
      item(earlier, new Date(e.createdAt).toLocaleDateString('en-GB') + ' – ' + (e.topic || 'no topic') + ' – '
        + (e.wrapUp ? wrapUpWords(e.wrapUp) : stateWords(e.state)));
    }
    if (!(c.earlier || []).length) item(earlier, 'None.', 'muted');
    history.replaceChildren();
    for (const h of c.history || []) {
      item(history, time(h.at) + ' ' + h.actor + ' ' + actionWords(h.action, h.detail));
    }
  }

  function insertReply(text) {
    replyBox.value = replyBox.value ? replyBox.value + '\n' + text : text;
    replyBox.focus();
  }

  function renderConversation(c) {
    panel.hidden = false;
    current = c;
    title.textContent = 'Conversation ' + c.conversationId.substring(0, 8)
      + (c.handoff && c.handoff.urgent ? ' (urgent)' : '');
    renderContext(c);
    renderConcern(c);
    const mine = c.owner && me && c.owner === me.username;
    const waiting = c.state === 'AWAITING_AGENT';
    claimButton.disabled = !waiting;
    releaseButton.disabled = !mine;
    closeButton.disabled = !(mine || waiting);
    transferButton.disabled = !(mine || waiting);
    replyBox.disabled = !mine;
    document.getElementById('send-reply').disabled = !mine;
    const seen = transcript.dataset.id === c.conversationId ? Number(transcript.dataset.count || 0) : 0;
    const concernKey = c.safeguarding ? c.safeguarding.category + '#' + c.safeguarding.raises : '';
    if (seen === c.transcript.length && transcript.dataset.concern === concernKey) return;
    transcript.dataset.concern = concernKey;
    const atBottom = transcript.scrollTop + transcript.clientHeight >= transcript.scrollHeight - 8;
    transcript.replaceChildren();
    for (const line of c.transcript) {
      const li = lineItem(line);
      if (c.safeguarding && c.safeguarding.raisedBySeq === line.seq) {
        li.classList.add('raised');
        const raisedLabel = document.createElement('span');
        raisedLabel.className = 'raised-label';
        raisedLabel.textContent = 'Raised the safeguarding concern: ' + c.safeguarding.title;
        li.insertBefore(raisedLabel, li.querySelector('.guesses'));
      }
      transcript.appendChild(li);
    }
    transcript.dataset.id = c.conversationId;
    transcript.dataset.count = String(c.transcript.length);
    if (atBottom || seen === 0) transcript.scrollTop = transcript.scrollHeight;
  }

  function renderConcern(c) {
    const s = c.safeguarding;
    concern.hidden = !s;
    if (s) {
      concernText.textContent = 'Safeguarding concern: ' + s.title + '. '
        + (s.markedBy ? 'Marked by ' + s.markedBy : 'Raised by the resident\'s message') + ' at ' + time(s.raisedAt)
        + (s.raises > 1 ? ' (raised ' + s.raises + ' times)' : '') + '.'
        + (s.awaitingReplySince ? ' Waiting for a first reply.' : '');
      if (safeguardingAlert.textContent.includes(c.conversationId.substring(0, 8))) safeguardingAlert.hidden = true;
    }
  }

  async function select(id) {
    stopWatching();
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

  async function act(action, body) {
    if (!selectedId) return;
    say('');
    try {
      renderConversation(await api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/' + action, body));
      await refreshQueue();
    } catch (e) {
      // Show the conversation as it now is (e.g. someone else claimed it), and keep the reason visible.
      try {
        renderConversation(await api('GET', '/conversations/' + encodeURIComponent(selectedId)));
      } catch (ignored) {
        /* the reason below is what matters */
      }
      say(e.message);
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

  // What changed in a conversation; re-rendering only then keeps keyboard focus where it is.
  function signature(c) {
    return [c.version, (c.notes || []).length, (c.history || []).length].join('/');
  }

  async function tick() {
    if (!streaming) await refreshQueue();
    updateWaits();
    if (watchingId) await refreshWatch();
    if (selectedId && document.activeElement !== replyBox && document.activeElement !== noteBox) {
      try {
        const c = await api('GET', '/conversations/' + encodeURIComponent(selectedId));
        if (!current || current.conversationId !== c.conversationId || signature(current) !== signature(c)) {
          renderConversation(c);
        }
      } catch (e) {
        /* shown on the next action */
      }
    }
  }

  // Keyboard shortcuts for the day's common steps (listed in the "?" dialog).
  const shortcuts = document.getElementById('shortcuts');
  document.getElementById('shortcuts-open').addEventListener('click', () => shortcuts.showModal());

  /** The first unclaimed conversation in the queue's order, in the team shown. */
  function nextWaiting() {
    const shown = teamFilter.value ? lastItems.filter((i) => i.team === teamFilter.value) : lastItems;
    return shown.find((i) => i.state === 'AWAITING_AGENT' && !i.owner);
  }

  async function takeNext() {
    const next = nextWaiting();
    if (!next) {
      say('Nobody is waiting.');
      return;
    }
    await select(next.conversationId);
    await act('claim');
    if (current && current.owner) replyBox.focus();
  }

  document.addEventListener('keydown', (event) => {
    const typing = event.target.closest && event.target.closest('textarea, input, select');
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      if (event.target === replyBox || event.target === noteBox) {
        event.preventDefault();
        event.target.form.requestSubmit();
      }
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey || shortcuts.open) return;
    const focus = (element) => {
      if (element.disabled || panel.hidden) return;
      event.preventDefault();
      element.focus();
    };
    switch (event.key) {
      case 'n': case 'N': event.preventDefault(); takeNext(); break;
      case 'r': case 'R': focus(replyBox); break;
      case 'o': case 'O': focus(noteBox); break;
      case 't': case 'T': focus(transferTeam); break;
      case 'c': case 'C': focus(wrapUp); break;
      case 'l': case 'L': event.preventDefault(); location.href = '/console/call-backs.html'; break;
      case 's': case 'S': event.preventDefault(); location.href = '/console/search.html'; break;
      case 'w': case 'W': {
        const first = withBotList.querySelector('button');
        if (first && supervises()) {
          event.preventDefault();
          first.focus();
        }
        break;
      }
      case '?': event.preventDefault(); shortcuts.showModal(); break;
      default: break;
    }
  });

  claimButton.addEventListener('click', () => act('claim'));
  releaseButton.addEventListener('click', () => act('release'));
  closeButton.addEventListener('click', () => {
    if (!wrapUp.value) {
      say('Choose a wrap-up code first.');
      wrapUp.focus();
      return;
    }
    const closing = { wrapUp: wrapUp.value };
    if (closeTopic.value) closing.topic = closeTopic.value;
    act('close', closing).then(() => { wrapUp.value = ''; closeTopic.value = ''; });
  });
  concernMark.addEventListener('click', () => {
    if (!concernCategory.value) {
      say('Choose the kind of safeguarding concern first.');
      concernCategory.focus();
      return;
    }
    act('safeguarding', { category: concernCategory.value }).then(() => { concernCategory.value = ''; });
  });
  concernClear.addEventListener('click', () => act('safeguarding/clear'));
  safeguardingAlert.addEventListener('click', () => { safeguardingAlert.hidden = true; });
  transferButton.addEventListener('click', () => {
    if (!transferTeam.value) return;
    act('transfer', { team: transferTeam.value });
  });
  canned.addEventListener('change', () => {
    if (canned.value) insertReply(canned.value);
    canned.value = '';
  });
  noteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = noteBox.value.trim();
    if (!text || !selectedId) return;
    try {
      renderConversation(await api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/notes', { text }));
      noteBox.value = '';
    } catch (e) {
      say(e.message);
    }
  });
  presence.addEventListener('change', async () => {
    try {
      showMe(await api('POST', '/presence', { presence: presence.value }));
    } catch (e) {
      say(e.message);
    }
  });
  // Tell the resident someone is typing, at most every 3 s while keys are pressed (best effort:
  // a failure here must never get in the way of the reply itself).
  let lastTypingNotice = 0;
  replyBox.addEventListener('input', () => {
    const now = Date.now();
    if (!selectedId || !replyBox.value.trim() || now - lastTypingNotice < 3000) return;
    lastTypingNotice = now;
    api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/typing').catch(() => {});
  });
  replyForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = replyBox.value.trim();
    if (!text || !selectedId) return;
    say('');
    try {
      renderConversation(await api('POST', '/conversations/' + encodeURIComponent(selectedId) + '/messages', { text }));
      replyBox.value = '';
      lastTypingNotice = 0;
    } catch (e) {
      say(e.message);
    }
  });
  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = cookie('XSRF-TOKEN');
  });

  function option(select, value, label) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  // Supervisors (and administrators) see everyone's load and give conversations to named colleagues.
  const teamLoad = document.getElementById('team-load');
  const assignGroup = document.getElementById('assign-group');
  const assignTo = document.getElementById('assign-to');

  function supervises() {
    return me && (me.roles.includes('SUPERVISOR') || me.roles.includes('ADMIN'));
  }

  async function refreshLoad() {
    if (!supervises()) return;
    try {
      const load = await api('GET', '/supervisor/load');
      const list = document.getElementById('load');
      list.replaceChildren();
      const chosen = assignTo.value;
      assignTo.replaceChildren();
      for (const person of load) {
        const name = person.displayName ? person.displayName + ' (' + person.username + ')' : person.username;
        item(list, name + ': ' + person.conversations + (person.conversations === 1 ? ' conversation' : ' conversations')
          + (person.presence ? ', ' + person.presence : ''));
        option(assignTo, person.username, name);
      }
      assignTo.value = chosen || (load[0] ? load[0].username : '');
    } catch (e) {
      /* shown again next time */
    }
  }

  document.getElementById('assign').addEventListener('click', async () => {
    if (!selectedId || !assignTo.value) return;
    say('');
    try {
      await api('POST', '/supervisor/conversations/' + encodeURIComponent(selectedId) + '/assign', { to: assignTo.value });
      await select(selectedId);
      await refreshLoad();
    } catch (e) {
      say(e.message);
    }
  });

  // Supervisors watch conversations the bot has, read-only and unseen by the resident, and can take one over.
  const withBotSection = document.getElementById('with-bot');
  const withBotList = document.getElementById('with-bot-list');
  const watchPanel = document.getElementById('watch');
  const watchFacts = document.getElementById('watch-facts');
  const watchTranscript = document.getElementById('watch-transcript');
  const watchMessage = document.getElementById('watch-message');
  const takeOverButton = document.getElementById('take-over');
  let watchingId = null;
  let watchedSeq = 0;

  function withBotRow(row) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.watch = row.conversationId;
    button.setAttribute('aria-current', String(row.conversationId === watchingId));
    const topic = document.createElement('span');
    topic.className = 'topic';
    topic.textContent = row.topicTitle || 'No topic yet';
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = botStateWords(row.state) + ' · ' + channelWords(row.channel) + ' · last message '
      + time(row.lastChangedAt) + ' · ' + row.reference;
    button.append(topic, meta);
    button.addEventListener('click', () => watch(row.conversationId));
    li.appendChild(button);
    return li;
  }

  async function refreshWithBot() {
    if (!supervises()) return;
    try {
      const rows = await api('GET', '/supervisor/with-bot');
      const hadFocus = document.activeElement && document.activeElement.dataset
        ? document.activeElement.dataset.watch : null;
      withBotList.replaceChildren(...rows.map(withBotRow));
      document.getElementById('with-bot-count').textContent = '(' + rows.length + ')';
      document.getElementById('with-bot-empty').hidden = rows.length > 0;
      if (hadFocus) {
        const again = withBotList.querySelector('button[data-watch="' + CSS.escape(hadFocus) + '"]');
        if (again) again.focus();
      }
    } catch (e) {
      /* shown again next time */
    }
  }

  function watchSay(text) {
    watchMessage.textContent = text;
    watchMessage.hidden = !text;
  }

  async function watch(id) {
    selectedId = null;
    current = null;
    panel.hidden = true;
    watchingId = id;
    watchedSeq = 0;
    watchTranscript.replaceChildren();
    watchSay('');
    watchPanel.hidden = false;
    for (const b of withBotList.querySelectorAll('button')) b.setAttribute('aria-current', String(b.dataset.watch === id));
    await refreshWatch();
  }

  function stopWatching() {
    if (!watchingId) return;
    watchingId = null;
    watchPanel.hidden = true;
    title.textContent = 'Select a conversation';
    for (const b of withBotList.querySelectorAll('button')) b.setAttribute('aria-current', 'false');
  }

  async function refreshWatch() {
    const id = watchingId;
    try {
      const w = await api('GET', '/supervisor/watch/' + encodeURIComponent(id) + '?after=' + watchedSeq);
      if (id !== watchingId) return;
      const c = w.conversation;
      title.textContent = 'Watching ' + c.reference;
      watchFacts.replaceChildren();
      const withBot = ['BOT', 'CLARIFYING', 'COLLECTING'].includes(c.state);
      fact(watchFacts, 'The bot is', withBot ? botStateWords(c.state) : 'No longer in it: ' + stateWords(c.state)
        + (w.owner ? ' (' + w.owner + ')' : ''));
      fact(watchFacts, 'Topic', c.topicTitle || 'No topic yet');
      fact(watchFacts, 'Channel', channelWords(c.channel));
      fact(watchFacts, 'Started', time(c.startedAt));
      fact(watchFacts, 'Reference', c.reference);
      takeOverButton.disabled = !withBot;
      const atBottom = watchTranscript.scrollTop + watchTranscript.clientHeight >= watchTranscript.scrollHeight - 8;
      for (const line of w.transcript) {
        watchTranscript.appendChild(lineItem(line));
        watchedSeq = line.seq;
      }
      if (atBottom && w.transcript.length) watchTranscript.scrollTop = watchTranscript.scrollHeight;
    } catch (e) {
      if (id === watchingId) watchSay(e.message);
    }
  }

  takeOverButton.addEventListener('click', async () => {
    const id = watchingId;
    if (!id) return;
    watchSay('');
    try {
      await api('POST', '/supervisor/conversations/' + encodeURIComponent(id) + '/take-over');
      await select(id);
      replyBox.focus();
      await refreshWithBot();
      await refreshLoad();
    } catch (e) {
      watchSay(e.message);
      await refreshWatch();
    }
  });
  document.getElementById('stop-watching').addEventListener('click', () => {
    const id = watchingId;
    stopWatching();
    const row = withBotList.querySelector('button[data-watch="' + CSS.escape(id || '') + '"]');
    if (row) row.focus();
  });

  function showMe(who) {
    me = who;
    withBotSection.hidden = !supervises();
    teamLoad.hidden = !supervises();
    assignGroup.hidden = !supervises();
    document.getElementById('me').textContent = me.username;
    document.getElementById('admin-link').hidden = !me.roles.includes('ADMIN');
    document.getElementById('insight-link').hidden = !me.roles.includes('ADMIN') && !me.roles.includes('MANAGER');
    document.getElementById('content-link').hidden = !me.roles.includes('EDITOR') && !me.roles.includes('ADMIN');
    presence.value = me.presence;
    if (me.botPause) {
      pauseBanner.textContent = 'The bot is paused by ' + me.botPause.by + ': ' + me.botPause.reason
        + '. Every resident comes straight to the queue.';
    }
    pauseBanner.hidden = !me.botPause;
    document.getElementById('memory-banner').hidden = me.keptAcrossRestarts !== false;
  }

  async function init() {
    showMe(await api('GET', '/me'));
    for (const team of me.allTeams) option(transferTeam, team, teamWords(team));
    for (const code of me.wrapUpCodes) option(wrapUp, code, wrapUpWords(code));
    const topics = (me.topics || []).slice().sort((a, b) => a.title.localeCompare(b.title));
    for (const topic of topics) option(closeTopic, topic.id, topic.title);
    for (const category of me.safeguardingCategories || []) option(concernCategory, category.id, category.title);
    if (me.teams.length && !localStorage.getItem('townhall.team')) localStorage.setItem('townhall.team', me.teams[0]);
    setInterval(async () => {
      try { showMe(await api('GET', '/me')); } catch (e) { /* next time */ }
    }, POLL_MS * 5);
    const savedTeam = localStorage.getItem('townhall.team') || '';
    if (savedTeam) option(teamFilter, savedTeam, savedTeam);
    teamFilter.value = savedTeam;
    teamFilter.addEventListener('change', () => {
      localStorage.setItem('townhall.team', teamFilter.value);
      renderQueue(lastItems);
    });
    connectStream();
    await tick();
    setInterval(tick, POLL_MS);
    await refreshLoad();
    setInterval(refreshLoad, POLL_MS * 5);
    await refreshWithBot();
    setInterval(refreshWithBot, POLL_MS * 2);
  }
  init();
})();
