// A topic's answer as residents get it, drawn beside its form as the editor types: in the web chat
// (bubbles, the link, the quick-reply buttons, with the chat page's classes and words) and on Telegram
// (the text with the link under it, inline buttons), built the way the bot builds them
// (conversation.DialogueActions, channel.telegram.TelegramOutbox). Telegram's limits are flagged.
(function () {
  'use strict';
  const { el } = window.ContentConsole;
  // The bot's own words (messages.properties) and the chat page's names for who is speaking.
  const FEEDBACK = 'Did that help?';
  const YES_NO = ['Yes', 'No'];
  const PERSON = 'Talk to a person';
  const ASSISTANT = 'Council assistant';
  const SMALL_TALK_TEAM = 'customer-services';
  // Telegram: a message holds 4,096 characters (longer ones are sent in parts), a button's data 64 bytes.
  const TELEGRAM_TEXT = 4096;
  const TELEGRAM_BUTTON_BYTES = 64;

  /** What the bot says and offers for this topic, as DialogueActions.answer builds it. */
  function lines(topic) {
    const options = topic.options.slice();
    if (topic.handoff && !options.includes(PERSON)) options.push(PERSON);
    const answer = { text: topic.text, link: topic.link, options };
    // Small talk (customer services, no page of its own) is not followed by "Did that help?".
    const smallTalk = topic.team === SMALL_TALK_TEAM && !topic.link;
    return smallTalk ? [answer] : [answer, { text: FEEDBACK, options: YES_NO }];
  }

  /** Text with its web addresses as links, as the chat page shows them. */
  function withLinks(parent, text) {
    for (const part of text.split(/(https?:\/\/[^\s]+)/g)) {
      if (/^https?:\/\//.test(part)) {
        const a = el('a', null, part);
        a.href = part;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        parent.appendChild(a);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    }
  }

  function bubble(list, from, who, text) {
    const li = el('li', 'line ' + from);
    li.appendChild(el('span', 'who', who));
    const body = el('span', 'text');
    withLinks(body, text);
    li.appendChild(body);
    list.appendChild(li);
  }

  function fullText(line) {
    return line.link ? line.text + '\n' + line.link : line.text;
  }

  function chips(className, labels, label) {
    const list = el('ul', className);
    list.setAttribute('aria-label', label);
    for (const text of labels) list.appendChild(el('li', 'choice', text));
    return list;
  }

  function webChat(container, topic, said) {
    container.replaceChildren();
    const transcript = el('ol', 'transcript');
    transcript.setAttribute('aria-label', 'Web chat conversation');
    bubble(transcript, 'resident', 'You', topic.asked || topic.title || 'A resident asks…');
    for (const line of said) bubble(transcript, 'bot', ASSISTANT, fullText(line) || 'The answer appears here.');
    container.appendChild(transcript);
    // The last line's replies first (Yes / No), then "Or:" and the answer's own, as the chat page does.
    const last = said[said.length - 1].options;
    const earlier = said.slice(0, -1).flatMap((l) => l.options).filter((o) => !last.includes(o));
    const choices = el('div', 'choices');
    if (last.length) choices.appendChild(chips('chip-row', last, 'Buttons under the last message'));
    if (earlier.length) {
      if (last.length) choices.appendChild(el('p', 'more', 'Or:'));
      choices.appendChild(chips('chip-row', earlier, 'Quick replies'));
    }
    container.appendChild(choices);
    if (topic.urgent) {
      container.appendChild(el('p', 'muted', 'Then the resident is put through to a person, first in the queue.'));
    }
  }

  function telegram(container, said) {
    container.replaceChildren();
    for (const line of said) {
      const message = el('div', 'tg-message');
      message.appendChild(el('p', 'tg-text', fullText(line) || 'The answer appears here.'));
      if (line.options.length) message.appendChild(chips('tg-buttons', line.options, 'Buttons'));
      container.appendChild(message);
    }
  }

  /** Telegram's limits this answer goes over, in words. */
  function flags(said) {
    const found = [];
    const text = fullText(said[0]);
    if (text.length > TELEGRAM_TEXT) {
      found.push('The answer and link are ' + text.length.toLocaleString('en-GB') + ' characters: Telegram sends '
        + 'at most 4,096 in one message, so residents there get it in '
        + Math.ceil(text.length / TELEGRAM_TEXT) + ' parts. Shorten it to keep it in one.');
    }
    const bytes = new TextEncoder();
    for (const option of said[0].options) {
      const size = bytes.encode(option).length;
      if (size > TELEGRAM_BUTTON_BYTES) {
        found.push('The quick reply "' + option + '" is ' + size + ' bytes, over Telegram\'s 64-byte limit for a '
          + 'button (letters such as é take 2 bytes, emoji 4). Shorten it.');
      }
    }
    return found;
  }

  /**
   * Draws topic ({title, asked, team, urgent, handoff, text, link, options}) in both channels and lists
   * what goes over Telegram's limits.
   */
  function render(topic, webChatBox, telegramBox, flagList) {
    const said = lines(topic);
    webChat(webChatBox, topic, said);
    telegram(telegramBox, said);
    flagList.replaceChildren();
    for (const flag of flags(said)) flagList.appendChild(el('li', 'flag', flag));
  }

  window.ContentPreview = { render };
})();
