// The call-back list: residents who left an email address or phone number for a reply after they had
// gone. A client of /api/console/call-backs; every resident's word is set as text, never as HTML.
(function () {
  'use strict';
  const REFRESH_MS = 15000;
  const { CALL_BACK_OUTCOMES, callBackOutcomeWords, channelWords } = window.ConsoleWords;
  // Where the conversation is now, as someone about to call back reads it.
  const STATES = { BOT: 'With the bot', CLARIFYING: 'With the bot', COLLECTING: 'With the bot',
    AWAITING_AGENT: 'Still waiting for a person', WITH_AGENT: 'With a person', CLOSED: 'Ended' };

  const api = window.ConsoleApi.call;
  const body = document.querySelector('#cb-table tbody');
  const empty = document.getElementById('cb-empty');
  const count = document.getElementById('cb-count');
  const show = document.getElementById('cb-show');
  const message = document.getElementById('cb-message');
  const detail = document.getElementById('cb-detail');
  const detailTitle = document.getElementById('cb-detail-title');
  const facts = document.getElementById('cb-facts');
  const takeButton = document.getElementById('cb-take');
  const outcome = document.getElementById('cb-outcome');
  let items = [];
  let opened = null;

  for (const [code, words] of Object.entries(CALL_BACK_OUTCOMES)) {
    const o = document.createElement('option');
    o.value = code;
    o.textContent = words;
    outcome.appendChild(o);
  }

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function when(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  /** "07700900123" reads "07700 900123"; other numbers keep their digits. */
  function phoneWords(phone) {
    return /^07\d{9}$/.test(phone) ? phone.slice(0, 5) + ' ' + phone.slice(5) : phone;
  }

  function emailWords(item) {
    if (!item.emailsSent && !item.emailsFailed) return '';
    const parts = [];
    if (item.emailsSent) parts.push(item.emailsSent + (item.emailsSent === 1 ? ' reply emailed' : ' replies emailed'));
    if (item.emailsFailed) parts.push(item.emailsFailed + ' could not be emailed');
    return parts.join(', ');
  }

  function leftWords(item) {
    const parts = [];
    if (item.email) parts.push('Email ' + item.email);
    if (item.phone) parts.push('Phone ' + (item.phone.startsWith('…') ? 'ending ' + item.phone.slice(1) : phoneWords(item.phone)));
    if (item.hasMessage || item.message) parts.push('a message');
    return parts.join(', ');
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text || '–';
    row.appendChild(td);
    return td;
  }

  function render() {
    const shown = show.value === 'all' ? items : items.filter((i) => !i.outcome);
    const hadFocus = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.id : null;
    body.replaceChildren();
    for (const item of shown) {
      const row = document.createElement('tr');
      const ref = document.createElement('th');
      ref.scope = 'row';
      ref.textContent = item.reference;
      row.appendChild(ref);
      cell(row, when(item.leftAt));
      cell(row, channelWords(item.channel));
      cell(row, item.topicTitle || 'No topic');
      const left = cell(row, leftWords(item));
      const emailed = emailWords(item);
      if (emailed) {
        const note = document.createElement('span');
        note.className = 'muted cb-emailed' + (item.emailsFailed ? ' cb-failed' : '');
        note.textContent = emailed;
        left.append(document.createElement('br'), note);
      }
      cell(row, item.takenBy || 'Nobody yet');
      cell(row, item.outcome ? callBackOutcomeWords(item.outcome) : 'To do');
      const action = document.createElement('td');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'secondary small';
      open.dataset.id = item.conversationId;
      open.textContent = 'Open';
      open.setAttribute('aria-label', 'Open ' + item.reference + ' and show the details');
      open.addEventListener('click', () => openItem(item.conversationId));
      action.appendChild(open);
      row.appendChild(action);
      body.appendChild(row);
    }
    empty.hidden = shown.length > 0;
    count.textContent = shown.length + (shown.length === 1 ? ' resident' : ' residents');
    if (hadFocus) {
      const again = body.querySelector('button[data-id="' + CSS.escape(hadFocus) + '"]');
      if (again) again.focus();
    }
  }

  async function load() {
    try {
      items = await api('GET', '/call-backs');
      render();
    } catch (e) {
      if (e.message !== 'Signed out') say(e.message);
    }
  }

  function fact(term, value, href) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    if (href && value) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = value;
      dd.appendChild(a);
    } else {
      dd.textContent = value == null || value === '' ? '–' : String(value);
    }
    facts.append(dt, dd);
  }

  function showDetail(item, focus) {
    opened = item;
    detail.hidden = false;
    detailTitle.textContent = 'Call-back ' + item.reference;
    facts.replaceChildren();
    fact('Left', when(item.leftAt));
    fact('Channel', channelWords(item.channel));
    fact('Topic', item.topicTitle || 'No topic');
    fact('Conversation', STATES[item.state] || item.state);
    fact('Email', item.email, item.email ? 'mailto:' + item.email : null);
    fact('Phone', item.phone ? phoneWords(item.phone) : null, item.phone ? 'tel:' + item.phone : null);
    fact('Message', item.message);
    fact('Replies by email', emailWords(item) || 'None yet');
    fact('Taken by', item.takenBy ? item.takenBy + ' at ' + when(item.takenAt) : 'Nobody yet');
    fact('Outcome', item.outcome ? callBackOutcomeWords(item.outcome) + ' (' + item.outcomeBy + ', '
      + when(item.outcomeAt) + ')' : 'To do');
    takeButton.disabled = Boolean(item.takenBy);
    outcome.value = item.outcome || '';
    if (focus) detailTitle.focus();
  }

  async function openItem(id) {
    say('');
    try {
      showDetail(await api('GET', '/call-backs/' + encodeURIComponent(id)), true);
    } catch (e) {
      say(e.message);
    }
  }

  async function act(path, payload) {
    if (!opened) return;
    say('');
    try {
      showDetail(await api('POST', '/call-backs/' + encodeURIComponent(opened.conversationId) + path, payload), false);
      await load();
    } catch (e) {
      say(e.message);
    }
  }

  takeButton.addEventListener('click', () => act('/take'));
  document.getElementById('cb-save').addEventListener('click', () => {
    if (!outcome.value) {
      say('Choose an outcome first.');
      outcome.focus();
      return;
    }
    act('/outcome', { outcome: outcome.value });
  });
  document.getElementById('cb-close').addEventListener('click', () => {
    const id = opened && opened.conversationId;
    opened = null;
    detail.hidden = true;
    const back = id && body.querySelector('button[data-id="' + CSS.escape(id) + '"]');
    if (back) back.focus();
  });
  show.addEventListener('change', render);

  load();
  setInterval(load, REFRESH_MS);
})();
