// The resident's chat page: a client of the public web chat API (/api/webchat). Everything a
// person or the server wrote is shown with textContent, never as HTML.
(function () {
  'use strict';
  const API = '/api/webchat/conversations';
  const WELCOME_API = '/api/webchat/welcome';
  // Shown only if the server's welcome cannot be read: enough to start typing.
  const FALLBACK_WELCOME = { text: 'Hello. Type your question below.', options: [] };
  const STORAGE_KEY = 'townhall.webchat';
  const POLL_MS = 1500;
  // A closed conversation only changes when the resident writes (which refreshes at once), or when
  // the page is hidden nobody is reading: ask rarely then.
  const QUIET_POLL_MS = 15000;
  const WHO = { bot: 'Council assistant', agent: 'Council staff', system: '', resident: 'You' };
  const STATE_TEXT = {
    AWAITING_AGENT: 'Waiting for a member of staff…',
    WITH_AGENT: 'You are talking to a member of staff.',
    CLOSED: 'This conversation has ended.',
    BOT: ''
  };

  const transcript = document.getElementById('transcript');
  const choices = document.getElementById('choices');
  const form = document.getElementById('composer');
  const input = document.getElementById('message');
  const status = document.getElementById('status');
  const queuePlace = document.getElementById('queue-place');
  const staffTyping = document.getElementById('staff-typing');
  const error = document.getElementById('error');
  // The conversation ({conversationId, token}); null until the resident first writes, so that a page
  // opened and left stores nothing. Until then the page shows the welcome, read from the server.
  let session = null;
  let starting = null;
  let lastSeq = 0;
  let polling = false;
  let lastState = null;
  let lastPollAt = 0;
  // The server's welcome ({text, options}), or null if it could not be read.
  let welcome = null;
  // Whether the page shows the server's welcome (not the fallback, not yet nothing).
  let welcomeShown = false;

  function showError(text) {
    error.textContent = text;
    error.hidden = !text;
  }

  async function call(method, url, body, conversation = session) {
    const headers = { 'Accept': 'application/json' };
    if (conversation) headers['Authorization'] = 'Bearer ' + conversation.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const err = new Error(data.error || 'Something went wrong. Please try again.');
      err.status = response.status;
      throw err;
    }
    return data;
  }

  function messagesUrl(conversation) {
    return API + '/' + encodeURIComponent(conversation.conversationId) + '/messages';
  }

  /**
   * Starts the conversation, for the resident's first message. The lines it starts with are the
   * welcome the page already shows, so they are skipped; after the fallback they replace it. If this
   * fails half-way, the conversation is left empty and the server deletes it soon; the next attempt
   * starts another.
   */
  async function startConversation() {
    const started = await call('POST', API);
    if (welcomeShown) {
      const data = await call('GET', messagesUrl(started) + '?after=0', undefined, started);
      lastSeq = data.messages.reduce((max, m) => Math.max(max, m.seq), 0);
    } else {
      lastSeq = 0;
      transcript.replaceChildren();
    }
    session = started;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  }

  /** The conversation, started once however many messages are sent while it starts. */
  function conversation() {
    if (!session && !starting) {
      starting = startConversation().finally(() => { starting = null; });
    }
    return starting || Promise.resolve();
  }

  /** The conversation expired or was forgotten: back to the welcome; the next message starts a new one. */
  function forgetConversation() {
    session = null;
    lastSeq = 0;
    lastState = null;
    sessionStorage.removeItem(STORAGE_KEY);
    status.textContent = '';
    showQueuePlace(null);
    staffTyping.hidden = true;
    showWelcome();
  }

  /** The welcome a new conversation starts with, before there is one. */
  function showWelcome() {
    const shown = welcome || FALLBACK_WELCOME;
    welcomeShown = Boolean(welcome);
    transcript.replaceChildren();
    render({ from: 'bot', text: shown.text });
    showChoices(shown.options);
  }

  /** Reads the welcome from the server; if it cannot, the page shows the fallback. */
  async function loadWelcome() {
    try {
      const data = await call('GET', WELCOME_API);
      if (typeof data.text === 'string' && Array.isArray(data.options)) welcome = data;
    } catch (e) {
      welcome = null;
    }
  }

  function appendText(parent, text) {
    // Turn bare https links into anchors; everything else stays plain text.
    const parts = text.split(/(https?:\/\/[^\s]+)/g);
    for (const part of parts) {
      if (/^https?:\/\//.test(part)) {
        const a = document.createElement('a');
        a.href = part;
        a.textContent = part;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        parent.appendChild(a);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    }
  }

  function render(message) {
    const li = document.createElement('li');
    li.className = 'line ' + message.from;
    if (message.seq !== undefined) li.dataset.seq = message.seq;
    if (WHO[message.from]) {
      const who = document.createElement('span');
      who.className = 'who';
      who.textContent = WHO[message.from];
      li.appendChild(who);
    }
    const body = document.createElement('span');
    body.className = 'text';
    appendText(body, message.text);
    li.appendChild(body);
    transcript.appendChild(li);
    li.scrollIntoView({ block: 'end' });
  }

  // While waiting: the resident's place and a rough wait, announced politely only when they change.
  function showQueuePlace(queue) {
    let text = '';
    if (queue) {
      text = 'You are number ' + queue.position + ' in the queue.';
      if (queue.estimatedMinutes) {
        text += ' Estimated wait: about ' + queue.estimatedMinutes + (queue.estimatedMinutes === 1 ? ' minute.' : ' minutes.');
      }
    }
    if (queuePlace.textContent !== text) queuePlace.textContent = text;
    queuePlace.hidden = !text;
  }

  function showChoices(options) {
    choices.replaceChildren();
    for (const option of options || []) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option;
      button.addEventListener('click', () => send(option));
      choices.appendChild(button);
    }
  }

  function accept(messages) {
    let newest = null;
    for (const m of messages) {
      if (m.seq <= lastSeq) continue;
      lastSeq = m.seq;
      render(m);
      newest = m;
    }
    if (newest) showChoices(newest.from === 'resident' ? [] : newest.options);
  }

  async function refresh() {
    const asked = session;
    const data = await call('GET', messagesUrl(asked) + '?after=' + lastSeq);
    // A message may have started a fresh conversation meanwhile: this answer is about the old one.
    if (session !== asked) return;
    accept(data.messages);
    status.textContent = STATE_TEXT[data.state] || '';
    lastState = data.state;
    showQueuePlace(data.queue);
    staffTyping.hidden = !data.staffTyping;
  }

  // A message the server may not have taken (an error or no answer): sending the same text again
  // reuses its id, so the server drops it if the first attempt did get through.
  let pending = null;

  /** Sends a message; true once the server has taken it. */
  async function send(text) {
    text = text.trim();
    if (!text) return false;
    showError('');
    if (!pending || pending.text !== text) {
      pending = { text, id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random() };
    }
    const message = { text, clientMessageId: pending.id };
    try {
      await conversation();
      try {
        await call('POST', messagesUrl(session), message);
      } catch (e) {
        if (e.status !== 404 && e.status !== 403) throw e;
        // Expired since the last poll: the message goes to a fresh conversation.
        forgetConversation();
        await conversation();
        await call('POST', messagesUrl(session), message);
      }
    } catch (e) {
      // A refused message (e.g. too long) needs changing; anything else can simply be sent again.
      if (e.status && e.status < 500) {
        showError(e.message);
      } else {
        showError((e.status ? e.message : 'We could not reach the council.')
          + ' Your message is still in the box: press Send to try again.');
      }
      return false;
    }
    pending = null;
    choices.replaceChildren();
    try {
      await refresh();
    } catch (e) {
      // The next poll shows the replies.
    }
    return true;
  }

  async function poll() {
    // Nothing to ask before the resident has written.
    if (polling || !session) return;
    polling = true;
    const asked = session;
    try {
      await refresh();
      showError('');
    } catch (e) {
      if (e.status === 404 || e.status === 403) {
        if (session === asked) forgetConversation();
      } else {
        showError('We are having trouble connecting. We will keep trying.');
      }
    } finally {
      polling = false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value;
    // Cleared only once the council has the message: a failed send never loses what was typed.
    if (await send(text) && input.value === text) input.value = '';
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  async function init() {
    try {
      session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      session = null;
    }
    // Also when resuming: a conversation found expired brings the welcome back.
    await loadWelcome();
    if (session) {
      // Resuming after a reload: the whole transcript, its welcome included, comes from the server.
      transcript.replaceChildren();
      choices.replaceChildren();
      await poll();
    } else {
      // Unless the resident was quicker and a conversation is already starting.
      if (!session && !starting) showWelcome();
    }
    setInterval(() => {
      const quiet = lastState === 'CLOSED' || document.hidden;
      if (quiet && Date.now() - lastPollAt < QUIET_POLL_MS) return;
      lastPollAt = Date.now();
      poll();
    }, POLL_MS);
    input.focus();
  }
  init();
})();
