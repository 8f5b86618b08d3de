// Human words for the console API's codes, and the pieces every console page shows them in: staff
// read "Council tax" and "91%", never AWAITING_AGENT, asked_for_person, council-tax or 0.91. Shared by
// the console, the search page, the call-back list and the content pages. Resident-supplied text is
// only ever set with textContent.
(function () {
  'use strict';
  const WHO = { resident: 'Resident', bot: 'Bot', agent: 'Staff', system: 'System' };
  const STATES = { BOT: 'With the bot', CLARIFYING: 'With the bot', COLLECTING: 'With the bot',
    AWAITING_AGENT: 'Waiting for a person', WITH_AGENT: 'With a person', CLOSED: 'Ended' };
  // What the bot is doing, for a supervisor watching it.
  const BOT_STATES = { BOT: 'Answering', CLARIFYING: 'Offering choices', COLLECTING: 'Asking for a detail' };
  const REASONS = { asked_for_person: 'Asked for a person', not_understood: 'The bot did not understand',
    urgent: 'Urgent topic', safeguarding: 'Safeguarding concern', bot_paused: 'The bot was paused',
    transferred: 'Transferred from another team', taken_over: 'Taken over from the bot by a supervisor' };
  const WRAP_UPS = { resolved: 'Resolved', signposted: 'Signposted elsewhere', call_back: 'Call back arranged',
    duplicate: 'Duplicate', no_response: 'No response from the resident', other: 'Other' };
  const ACTIONS = { claim: 'took the conversation', reply: 'replied', release: 'gave it back to the bot',
    transfer: 'transferred it', close: 'closed it', note: 'added a note', view: 'viewed it',
    safeguarding_mark: 'marked a safeguarding concern', safeguarding_clear: 'cleared the safeguarding concern',
    pause: 'paused the bot', resume: 'resumed the bot', presence: 'changed their status',
    assign: 'gave it to a colleague', watch: 'watched it while the bot had it', take_over: 'took it over from the bot',
    search: 'searched conversations', call_back_view: 'opened the call-back details',
    call_back_take: 'took the call-back on', call_back_outcome: 'set the call-back outcome' };
  // How a call-back ended.
  const CALL_BACK_OUTCOMES = { called_back: 'Called back', emailed: 'Emailed', no_answer: 'No answer',
    closed: 'Closed' };
  // What a resident left for a reply after they have gone.
  const CONTACT = { email: 'an email address', phone: 'a phone number' };
  const CHANNELS = { webchat: 'Web chat', telegram: 'Telegram' };

  function stateWords(state) { return STATES[state] || state; }
  function botStateWords(state) { return BOT_STATES[state] || stateWords(state); }
  function channelWords(channel) { return CHANNELS[channel] || channel; }
  function wrapUpWords(code) { return WRAP_UPS[code] || code; }
  function callBackOutcomeWords(code) { return CALL_BACK_OUTCOMES[code] || code; }
  function contactWords(kind) { return CONTACT[kind] || kind; }
  /** "council-tax" reads "Council tax". */
  function teamWords(team) {
    if (!team) return team;
    const words = team.replace(/[-_]+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  /** "not_understood,out_of_hours" reads "The bot did not understand (out of hours)". */
  function reasonWords(reason) {
    if (!reason) return reason;
    const [base, ...flags] = reason.split(',');
    return (REASONS[base] || base.replace(/_/g, ' ')) + (flags.includes('out_of_hours') ? ' (out of hours)' : '');
  }
  function actionWords(action, detail) {
    const words = ACTIONS[action] || action.replace(/_/g, ' ');
    if (!detail) return words;
    if (action === 'close') return words + ' (' + wrapUpWords(detail) + ')';
    if (action === 'transfer' || action === 'take_over') return words + ' (to ' + teamWords(detail) + ')';
    if (action === 'view' && detail === 'search') return words + ' (from a search)';
    if (action === 'call_back_outcome') return words + ' (' + callBackOutcomeWords(detail) + ')';
    return words + ' (' + detail + ')';
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }) : '';
  }

  function dateTime(iso) {
    return iso ? new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric',
      hour: '2-digit', minute: '2-digit' }) : '';
  }

  /** A classifier's confidence (0–1) as a whole percentage. */
  function percent(confidence) {
    return Math.round(confidence * 100) + '%';
  }

  /** A term and its value in a description list; "–" for none. */
  function fact(list, term, value) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value == null || value === '' ? '–' : String(value);
    list.append(dt, dd);
  }

  /** A transcript line: who and when, what was said, and the bot's guesses on a resident's line. */
  function lineItem(line) {
    const li = document.createElement('li');
    li.className = line.from;
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = (WHO[line.from] || line.from) + (line.author ? ' (' + line.author + ')' : '')
      + ' · ' + time(line.at);
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = line.text;
    li.append(who, text);
    if (line.guesses && line.guesses.length) {
      const guessLine = document.createElement('span');
      guessLine.className = 'guesses';
      guessLine.textContent = 'Bot guessed: ' + line.guesses
        .map((g) => (g.title || g.intent) + ' ' + percent(g.confidence)).join(', ');
      li.appendChild(guessLine);
    }
    return li;
  }

  window.ConsoleWords = { stateWords, botStateWords, channelWords, wrapUpWords, teamWords, reasonWords, actionWords,
    CALL_BACK_OUTCOMES, callBackOutcomeWords, contactWords, time, dateTime, percent, fact, lineItem };
})();
