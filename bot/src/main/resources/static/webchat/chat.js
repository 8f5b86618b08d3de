// The resident's chat page: a client of the public web chat API (/api/webchat). Everything a
// person or the server wrote is shown with textContent, never as HTML.
(function () {
  'use strict';
  const API = '/api/webchat/conversations';
  const WELCOME_API = '/api/webchat/welcome';
  const SERVICE_API = '/api/webchat/service';
  const BRAND_API = '/api/webchat/brand';
  // The council's words for the header while people are there (townhall.branding.tagline).
  let tagline = 'Answers any time. A member of staff can take over when you need a person.';
  // How often the header re-reads whether people are there.
  const SERVICE_POLL_MS = 60000;
  // Shown only if the server's welcome cannot be read: enough to start typing.
  const FALLBACK_WELCOME = { text: 'Hello. Type your question below.', options: [] };
  const STORAGE_KEY = 'townhall.webchat';
  // Until the server's welcome says otherwise (townhall.webchat.max-text-length).
  const DEFAULT_MAX_LENGTH = 2000;
  // The counter shows from this share of the limit on.
  const COUNT_FROM = 0.8;
  // Phone numbers as the council's answers write them: 0300 000 0000, 0808 2000 247, 116 123, 999, 111.
  const PHONE = /(\b0\d{2,4}(?: ?\d{2,4}){2,3}\b|\b116 ?\d{3}\b|\b(?:999|111|101|105)\b)/g;
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
  const length = document.getElementById('length');
  const sendButton = document.getElementById('send');
  const endChat = document.getElementById('end-chat');
  const saveChat = document.getElementById('save-chat');
  const service = document.getElementById('service');
  const contact = document.getElementById('contact');
  const contactOpen = document.getElementById('contact-open');
  const contactForm = document.getElementById('contact-form');
  const contactLeft = document.getElementById('contact-left');
  const contactError = document.getElementById('contact-error');
  const contactEmail = document.getElementById('contact-email');
  const contactPhone = document.getElementById('contact-phone');
  const contactMessage = document.getElementById('contact-message');
  // While a person is coming or has the conversation, the resident can leave details for a reply.
  const CONTACT_STATES = ['AWAITING_AGENT', 'WITH_AGENT'];
  let maxLength = DEFAULT_MAX_LENGTH;
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
    // Kept in this browser only (not a cookie: never sent anywhere else), so that closing the tab and
    // coming back continues the conversation while it lives; "End chat" forgets it.
    localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    endChat.hidden = false;
    saveChat.hidden = false;
  }

  /** The conversation, started once however many messages are sent while it starts. */
  function conversation() {
    if (!session && !starting) {
      starting = startConversation().finally(() => { starting = null; });
    }
    return starting || Promise.resolve();
  }

  /**
   * The conversation expired or was forgotten: back to the welcome; the next message starts a new one.
   * {@code note} says why, when the resident did not end it themselves.
   */
  function forgetConversation(note) {
    session = null;
    lastSeq = 0;
    lastState = null;
    localStorage.removeItem(STORAGE_KEY);
    endChat.hidden = true;
    saveChat.hidden = true;
    status.textContent = note || '';
    showQueuePlace(null);
    showContact(null, null);
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
      if (Number.isInteger(data.maxTextLength) && data.maxTextLength > 0) maxLength = data.maxTextLength;
    } catch (e) {
      welcome = null;
    }
  }

  function appendText(parent, text, linkPhones) {
    // Turn bare https links into anchors, and (in the council's lines) phone numbers into tel: links
    // a phone can call with one tap; everything else stays plain text.
    const parts = text.split(/(https?:\/\/[^\s]+)/g);
    for (const part of parts) {
      if (/^https?:\/\//.test(part)) {
        const a = document.createElement('a');
        a.href = part;
        a.textContent = part;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        parent.appendChild(a);
      } else if (part && linkPhones) {
        appendPhones(parent, part);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    }
  }

  function appendPhones(parent, text) {
    let at = 0;
    for (const match of text.matchAll(PHONE)) {
      if (match.index > at) parent.appendChild(document.createTextNode(text.slice(at, match.index)));
      const a = document.createElement('a');
      a.href = 'tel:' + match[0].replace(/\s+/g, '');
      a.textContent = match[0];
      parent.appendChild(a);
      at = match.index + match[0].length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function render(message) {
    const li = document.createElement('li');
    li.className = 'line ' + message.from;
    if (message.seq !== undefined) li.dataset.seq = message.seq;
    if (WHO[message.from]) {
      const who = document.createElement('span');
      who.className = 'who';
      // A member of staff is named as they are to residents ("Sam, Council tax team").
      who.textContent = message.from === 'agent' && message.author ? message.author : WHO[message.from];
      li.appendChild(who);
    }
    const body = document.createElement('span');
    body.className = 'text';
    appendText(body, message.text, message.from !== 'resident');
    li.appendChild(body);
    transcript.appendChild(li);
    // To the very bottom: the newest line then sits just above the dock, not underneath it.
    window.scrollTo(0, document.documentElement.scrollHeight);
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

  /**
   * The replies on offer: the last line's (e.g. "Did that help?" Yes / No) first, then, after "or",
   * those that came with the answer before it (e.g. "Report a missed bin"), each once.
   */
  function showChoices(options, more = []) {
    choices.replaceChildren();
    const shown = new Set();
    const add = (option) => {
      if (shown.has(option)) return;
      shown.add(option);
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = option;
      button.addEventListener('click', () => send(option));
      choices.appendChild(button);
    };
    (options || []).forEach(add);
    const extra = (more || []).filter((o) => !shown.has(o));
    if (extra.length && shown.size) {
      const or = document.createElement('p');
      or.className = 'more';
      or.textContent = 'Or:';
      choices.appendChild(or);
    }
    extra.forEach(add);
  }

  function accept(messages) {
    let batch = [];
    for (const m of messages) {
      if (m.seq <= lastSeq) continue;
      lastSeq = m.seq;
      render(m);
      // The lines since the resident last wrote are the reply whose choices are on offer.
      batch = m.from === 'resident' ? [] : batch.concat(m);
    }
    if (messages.some((m) => m.seq === lastSeq)) {
      const last = batch[batch.length - 1];
      const earlier = batch.slice(0, -1).flatMap((m) => m.options || []);
      showChoices(last ? last.options : [], earlier);
    }
  }

  /** Says how long the message is near or over the limit; a message over it is kept, never cut. */
  function showLength() {
    const count = [...input.value].length;
    const over = count - maxLength;
    length.hidden = count < maxLength * COUNT_FROM;
    length.classList.toggle('over', over > 0);
    length.textContent = over > 0
      ? 'Your message is ' + over + ' characters too long (' + count + ' of ' + maxLength
        + '). Shorten it, or send it in two parts.'
      : count + ' of ' + maxLength + ' characters';
    sendButton.setAttribute('aria-disabled', String(over > 0));
    return over <= 0;
  }

  async function refresh() {
    const asked = session;
    const data = await call('GET', messagesUrl(asked) + '?after=' + lastSeq);
    // A message may have started a fresh conversation meanwhile: this answer is about the old one.
    if (session !== asked) return;
    // A longer state bar or new choices move the page: a resident reading the newest line keeps it in view.
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 40;
    accept(data.messages);
    status.textContent = STATE_TEXT[data.state] || '';
    lastState = data.state;
    showQueuePlace(data.queue);
    showContact(data.state, data.contactLeft);
    staffTyping.hidden = !data.staffTyping;
    if (atBottom) window.scrollTo(0, document.documentElement.scrollHeight);
  }

  /**
   * The way to leave details for a reply: offered while a person is coming or has the conversation,
   * and only with the server's consent sentence (what they are used for, how long they are kept).
   */
  function showContact(state, left) {
    const offered = CONTACT_STATES.includes(state) && Boolean(welcome && welcome.contactConsent);
    if (contact.hidden === offered) contact.hidden = !offered;
    if (!offered) {
      closeContactForm(false);
      return;
    }
    let text = '';
    if (left) {
      const where = [left.email ? 'email ' + left.email : '', left.phone ? 'call the number ending ' + left.phone.replace('…', '') : '']
        .filter(Boolean).join(' or ');
      text = 'If you have gone when a member of staff replies, we will ' + where + '. Your reference is ' + left.reference + '.';
    }
    if (contactLeft.textContent !== text) contactLeft.textContent = text;
    contactLeft.hidden = !text;
    const label = left ? 'Change your details' : 'Leave your details for a reply';
    if (contactOpen.textContent !== label) contactOpen.textContent = label;
  }

  function openContactForm() {
    const email = Boolean(welcome && welcome.emailReplies);
    document.getElementById('contact-email-field').hidden = !email;
    document.getElementById('contact-hint').textContent = email
      ? 'If you leave the chat before a member of staff replies, we will email you the reply or call you back. '
        + 'Give an email address, a UK phone number, or both.'
      : 'If you leave the chat before a member of staff replies, we will call you back. Give a UK phone number.';
    document.getElementById('contact-consent').textContent = welcome.contactConsent;
    showContactError('', null);
    contactForm.hidden = false;
    contactOpen.hidden = true;
    contactOpen.setAttribute('aria-expanded', 'true');
    (email ? contactEmail : contactPhone).focus();
  }

  function closeContactForm(refocus) {
    if (contactForm.hidden) return;
    contactForm.hidden = true;
    contactOpen.hidden = false;
    contactOpen.setAttribute('aria-expanded', 'false');
    if (refocus) contactOpen.focus();
  }

  /** A refusal names what to fix; the field it is about is marked and gets the focus. */
  function showContactError(text, field) {
    contactError.textContent = text;
    contactError.hidden = !text;
    for (const input of [contactEmail, contactPhone, contactMessage]) {
      if (input === field) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (field) field.focus();
  }

  contactOpen.addEventListener('click', openContactForm);
  document.getElementById('contact-cancel').addEventListener('click', () => closeContactForm(true));
  contactForm.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeContactForm(true);
  });
  contactForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!session) return;
    const details = { email: contactEmail.value, phone: contactPhone.value, message: contactMessage.value };
    if (document.getElementById('contact-email-field').hidden) delete details.email;
    try {
      const left = await call('POST', API + '/' + encodeURIComponent(session.conversationId) + '/call-back', details);
      closeContactForm(true);
      showContact(lastState, left);
      await refresh();
    } catch (e) {
      // The server's sentence says what to fix; mark the field it is about.
      const field = /email/i.test(e.message) && !/phone number \(or both\)/.test(e.message) ? contactEmail
        : /phone/i.test(e.message) ? contactPhone : /message/i.test(e.message) ? contactMessage : null;
      showContactError(e.status ? e.message : 'We could not reach the council. Please try again.', field);
    }
  });

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
    let sent;
    try {
      await conversation();
      try {
        sent = await call('POST', messagesUrl(session), message);
      } catch (e) {
        if (e.status !== 404 && e.status !== 403) throw e;
        // Expired since the last poll: the message goes to a fresh conversation.
        forgetConversation('Your earlier conversation had ended, so this message starts a new one.');
        await conversation();
        sent = await call('POST', messagesUrl(session), message);
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
    if (sent && sent.erased) {
      // The resident confirmed "delete my data": the conversation is gone from the council. Say what was
      // deleted and what is kept, and forget it in this browser too.
      forgetConversation(sent.messages.map((m) => m.text).join(' '));
      return true;
    }
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
        // Ended meanwhile (kept too long, or the service restarted): say so, and start afresh.
        if (session === asked) forgetConversation('Your earlier conversation has ended. Type below to start a new one.');
      } else {
        showError('We are having trouble connecting. We will keep trying.');
      }
    } finally {
      polling = false;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!showLength()) {
      input.focus();
      return;
    }
    const text = input.value;
    // Cleared only once the council has the message: a failed send never loses what was typed.
    if (await send(text) && input.value === text) {
      input.value = '';
      showLength();
    }
  });
  input.addEventListener('input', showLength);

  /** The header says whether people are there now: away until when, or the bot paused. */
  async function showService() {
    try {
      const now = await call('GET', SERVICE_API);
      if (now.botPaused) {
        service.textContent = 'The assistant is paused: a member of staff will read your message and reply here.';
      } else if (!now.staffAvailable) {
        service.textContent = 'Answers any time. Our team is away until ' + now.staffBack
          + '; you can leave them a message here.';
      } else {
        service.textContent = tagline;
      }
    } catch (e) {
      // The header keeps what it said.
    }
  }

  /** The council's name, logo and footer links (its colours come as /webchat/brand.css). */
  async function showBrand() {
    try {
      const brand = await call('GET', BRAND_API);
      document.getElementById('service-name').textContent = brand.serviceName;
      document.title = brand.serviceName;
      tagline = brand.tagline;
      const logo = document.getElementById('logo');
      if (brand.logoUrl) {
        logo.src = brand.logoUrl;
        logo.alt = brand.logoAlt || '';
        logo.hidden = false;
      }
      const links = document.getElementById('footer-links');
      links.replaceChildren();
      for (const link of brand.footerLinks || []) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = link.url;
        a.textContent = link.text;
        li.appendChild(a);
        links.appendChild(li);
      }
    } catch (e) {
      // The page keeps its built-in name.
    }
  }

  /** A copy of the conversation as a text file, made in the page: nothing more is asked of the server. */
  saveChat.addEventListener('click', () => {
    const lines = [...transcript.querySelectorAll('.line')].map((li) => {
      const who = li.querySelector('.who');
      const text = li.querySelector('.text').textContent;
      return (who ? who.textContent : 'Council') + ': ' + text;
    });
    const saved = 'Ask the council: your conversation, saved ' + new Date().toLocaleString('en-GB') + '\n\n'
      + lines.join('\n\n') + '\n';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([saved], { type: 'text/plain;charset=utf-8' }));
    link.download = 'conversation-with-the-council.txt';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  });
  endChat.addEventListener('click', async () => {
    // "end chat" ends it for staff too; then this browser forgets it, whatever the network did.
    if (session) await send('end chat');
    forgetConversation('You ended the chat. Type below to start a new one.');
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  async function init() {
    try {
      session = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
    } catch (e) {
      session = null;
    }
    // Also when resuming: a conversation found expired brings the welcome back.
    await loadWelcome();
    await showBrand();
    showService();
    setInterval(showService, SERVICE_POLL_MS);
    if (session) {
      endChat.hidden = false;
      saveChat.hidden = false;
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
