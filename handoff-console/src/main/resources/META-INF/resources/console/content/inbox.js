// The inbox: residents' messages the bot did not serve well, in groups of like messages (redacted by
// the server), each with what happened, where and when, what the bot guessed, what residents picked and
// what staff recorded. An editor adds a group to a topic (training phrases and regression tests in the
// draft), marks it out of scope, or dismisses it; one group at a time, or several selected together
// (one request per group, so each succeeds or fails on its own). Residents' text is only ever set with
// textContent.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const { channelWords, percent } = window.ConsoleWords;

  const list = document.getElementById('inbox-groups');
  const status = document.getElementById('inbox-status');
  const empty = document.getElementById('inbox-empty');
  const bulk = document.getElementById('inbox-bulk');
  const bulkDecision = document.getElementById('inbox-bulk-decision');
  const bulkTopic = document.getElementById('inbox-bulk-topic');
  const bulkApply = document.getElementById('inbox-bulk-apply');
  const selectedWords = document.getElementById('inbox-selected');
  const selectAll = document.getElementById('inbox-select-all');

  let groups = [];
  let known = new Map();
  let busy = false;

  function plural(n, one, many) {
    return n + ' ' + (n === 1 ? one : many);
  }

  function showCount(n = groups.length) {
    document.getElementById('inbox-count').textContent = n ? '(' + plural(n, 'group', 'groups') + ')' : '';
  }

  /** The tab's count when the page opens on another view. */
  async function refreshCount() {
    try {
      showCount((await api('GET', '/content/inbox')).groups.length);
    } catch (e) {
      /* shown when the inbox is opened */
    }
  }

  // The classifier's label for "not one of the council's topics" (LabeledText.OUT_OF_SCOPE), not a topic.
  const OUT_OF_SCOPE = 'oos';

  /** "Report a pothole (62% sure)": how sure the bot was, in words, never a colour. */
  function guessWords(topic) {
    const name = topic.intent === OUT_OF_SCOPE ? 'Not something the council handles' : topic.title;
    return name + (topic.confidence == null ? '' : ' (' + percent(topic.confidence) + ' sure)');
  }

  function topicList(topics, words) {
    return topics && topics.length ? topics.map(words || ((t) => t.title)).join(' · ') : null;
  }

  /** The topic to offer first: what staff recorded, else what residents picked, else the bot's best guess. */
  function suggestion(group) {
    const sources = [[group.recordedByStaff, 'what staff recorded when closing'],
      [group.pickedByResidents, 'what a resident picked'], [group.guesses, 'the bot\'s best guess']];
    for (const [topics, why] of sources) {
      const found = (topics || []).find((t) => known.has(t.intent));
      if (found) return { intent: found.intent, why };
    }
    return null;
  }

  function fillTopics(select, chosen) {
    select.replaceChildren();
    const none = el('option', null, 'Choose a topic…');
    none.value = '';
    select.appendChild(none);
    const sorted = [...known.entries()].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
    for (const [id, title] of sorted) {
      const option = el('option', null, title);
      option.value = id;
      select.appendChild(option);
    }
    select.value = chosen && known.has(chosen) ? chosen : '';
  }

  function renderGroup(group, i) {
    const id = 'inbox-g-' + i;
    const li = el('li', 'inbox-group');
    li.dataset.groupKey = group.groupKey;
    const article = el('article');
    article.setAttribute('aria-labelledby', id + '-title');

    const head = el('div', 'inbox-group-head');
    const box = el('input');
    box.type = 'checkbox';
    box.id = id + '-select';
    box.className = 'inbox-select';
    const boxLabel = el('label', 'check', 'Select');
    boxLabel.htmlFor = box.id;
    boxLabel.prepend(box);
    boxLabel.appendChild(el('span', 'visually-hidden', ' this group for a decision together'));
    const title = el('h3', null, '"' + group.example + '"');
    title.id = id + '-title';
    title.tabIndex = -1;
    head.append(title, boxLabel);
    box.addEventListener('change', showSelected);

    const facts = el('dl', 'facts inbox-facts');
    const fact = (term, value) => facts.append(el('dt', null, term), el('dd', null, value == null || value === ''
      ? '–' : value));
    fact('How many times', plural(group.count, 'time', 'times'));
    fact('What happened', group.reasons.join('; '));
    fact('Where', group.channels.map(channelWords).join(', '));
    fact('Last time', C.when(group.lastAt));
    fact('The bot guessed', topicList(group.guesses, guessWords) || 'No topic');
    fact('Residents picked', topicList(group.pickedByResidents));
    fact('Staff recorded', topicList(group.recordedByStaff));
    article.append(head);
    const concerns = group.markedByStaff || [];
    if (concerns.length) {
      // A disclosure the safeguarding check may have missed: said in words, under the heading.
      article.appendChild(el('p', 'inbox-concern', 'Staff marked a safeguarding concern on '
        + (group.count === 1 ? 'this conversation' : 'these conversations') + ' that the check had not raised ('
        + concerns.map((c) => c.title).join(', ') + '). If one of these messages is the disclosure, teach the check.'));
    }
    article.append(facts);

    if (group.texts.length > 1) {
      const more = el('details', 'inbox-texts');
      more.appendChild(el('summary', null, 'All ' + group.texts.length + ' different messages in this group'));
      const texts = el('ul');
      for (const text of group.texts) texts.appendChild(el('li', null, text));
      more.appendChild(texts);
      article.appendChild(more);
    }

    const actions = el('div', 'inbox-actions');
    const picker = el('div', 'inbox-picker');
    const label = el('label', null, 'Topic');
    const select = el('select');
    select.id = id + '-topic';
    label.htmlFor = select.id;
    const suggested = suggestion(group);
    fillTopics(select, suggested && suggested.intent);
    const thoughtOutOfScope = group.guesses.length && group.guesses[0].intent === OUT_OF_SCOPE;
    const hint = el('p', 'hint', suggested ? 'Suggested from ' + suggested.why + '.'
      : 'Choose the topic these messages are about' + (thoughtOutOfScope
        ? ' (the bot thought they are not something the council handles).' : '.'));
    hint.id = id + '-topic-hint';
    select.setAttribute('aria-describedby', hint.id);
    picker.append(label, select, hint);
    const add = el('button', null, 'Add to this topic');
    const outOfScope = el('button', 'secondary', 'Not something the council handles');
    const dismiss = el('button', 'secondary', 'Dismiss');
    for (const button of [add, outOfScope, dismiss]) {
      button.type = 'button';
      // Every group has these three buttons: which group each belongs to is read out with it.
      button.setAttribute('aria-describedby', title.id);
    }
    add.addEventListener('click', () => decideOne(group, li, 'assigned', select));
    outOfScope.addEventListener('click', () => decideOne(group, li, 'out_of_scope'));
    dismiss.addEventListener('click', () => decideOne(group, li, 'dismissed'));
    const buttons = el('div', 'actions');
    buttons.append(add, outOfScope, dismiss);
    actions.append(picker, buttons);
    if (concerns.length) {
      const teach = el('div', 'inbox-picker');
      const categoryLabel = el('label', null, 'Safeguarding category');
      const category = el('select');
      category.id = id + '-category';
      categoryLabel.htmlFor = category.id;
      for (const c of concerns) {
        const option = el('option', null, c.title);
        option.value = c.intent;
        category.appendChild(option);
      }
      const teachHint = el('p', 'hint', 'Adds the message to the category\'s phrases in the draft. A change to '
        + 'safeguarding content is published only when a second administrator approves it.');
      teachHint.id = id + '-category-hint';
      category.setAttribute('aria-describedby', teachHint.id);
      const teachButton = el('button', null, 'Teach the safeguarding check');
      teachButton.type = 'button';
      teachButton.setAttribute('aria-describedby', title.id);
      teachButton.addEventListener('click', () => decideOne(group, li, 'safeguarding', category));
      teach.append(categoryLabel, category, teachHint, teachButton);
      actions.prepend(teach);
    }
    article.appendChild(actions);
    li.appendChild(article);
    return li;
  }

  function render() {
    list.replaceChildren(...groups.map(renderGroup));
    empty.hidden = groups.length > 0;
    bulk.hidden = groups.length < 2;
    fillTopics(bulkTopic, bulkTopic.value);
    showCount();
    showSelected();
  }

  function selected() {
    return [...list.querySelectorAll('.inbox-select')].filter((box) => box.checked)
      .map((box) => box.closest('li'));
  }

  function showSelected() {
    const n = selected().length;
    selectedWords.textContent = n ? plural(n, 'group', 'groups') + ' selected.'
      : 'No groups selected: tick "Select" on the groups to decide together.';
    bulkApply.textContent = 'Apply to the ' + (n ? plural(n, 'selected group', 'selected groups') : 'selected groups');
    const assigning = bulkDecision.value === 'assigned';
    bulkTopic.hidden = !assigning;
    document.getElementById('inbox-bulk-topic-label').hidden = !assigning;
  }

  /** What a decision did, in the editor's words. */
  function doneWords(decision, messages) {
    const count = plural(messages, 'message', 'messages');
    if (decision.decision === 'assigned') {
      return 'Added ' + count + ' to the topic "' + (known.get(decision.intent) || decision.intent) + '" as training '
        + 'phrases in the draft, and to its regression test file.';
    }
    if (decision.decision === 'safeguarding') {
      return 'Added ' + count + ' to the safeguarding check\'s phrases in the draft. Publishing it needs a second '
        + 'administrator\'s approval.';
    }
    if (decision.decision === 'out_of_scope') {
      return 'Marked ' + count + ' as not something the council handles: out-of-scope examples in the draft, '
        + 'and in its regression test file.';
    }
    return 'Dismissed ' + count + '; the draft did not change.';
  }

  /** Says what happened, with the way to the draft when the draft changed. */
  function tell(lines, draftChanged, failed) {
    status.replaceChildren();
    status.classList.toggle('failed', !!failed);
    for (const line of lines) status.appendChild(el('p', null, line));
    if (draftChanged) {
      const p = el('p', null, 'Residents get this once the draft is published. ');
      const link = el('a', null, 'See the draft');
      link.href = '#draft';
      p.appendChild(link);
      status.appendChild(p);
    }
  }

  function failureWords(e) {
    if (e.status === 409) return 'The draft has problems to fix first (see the draft), then decide.';
    if (e.status === 404) return 'Someone has decided it already, or it is gone.';
    return C.sentence(e.message);
  }

  async function post(group, decision, intent) {
    return api('POST', '/content/inbox/decisions', intent ? { groupKey: group.groupKey, decision, intent }
      : { groupKey: group.groupKey, decision });
  }

  /** Takes decided groups off the list and moves focus to the next group (or the page's heading). */
  function remove(items) {
    const after = items.length ? items[items.length - 1].nextElementSibling : null;
    const keys = new Set(items.map((li) => li.dataset.groupKey));
    groups = groups.filter((g) => !keys.has(g.groupKey));
    let next = after;
    while (next && keys.has(next.dataset.groupKey)) next = next.nextElementSibling;
    for (const li of items) li.remove();
    empty.hidden = groups.length > 0;
    bulk.hidden = groups.length < 2;
    showCount();
    showSelected();
    const target = next ? next.querySelector('h3') : list.querySelector('h3') || document.getElementById('inbox-title');
    target.focus();
  }

  async function decideOne(group, li, decision, select) {
    if (busy) return;
    const intent = decision === 'assigned' || decision === 'safeguarding' ? select.value : null;
    if (decision === 'assigned' && !intent) {
      tell(['Choose a topic for "' + group.example + '" first.'], false, true);
      select.focus();
      return;
    }
    busy = true;
    try {
      const decided = await post(group, decision, intent);
      tell([doneWords(decided, decided.messages)], decision !== 'dismissed');
      remove([li]);
      if (decision !== 'dismissed') C.refreshDraftCount();
    } catch (e) {
      tell(['"' + group.example + '" was not decided: ' + failureWords(e)], e.status === 409, true);
      if (e.status === 404) remove([li]);
    } finally {
      busy = false;
    }
  }

  const BULK_WORDS = { assigned: 'Add', out_of_scope: 'Mark as not something the council handles',
    dismissed: 'Dismiss' };

  bulkDecision.addEventListener('change', showSelected);

  selectAll.addEventListener('click', () => {
    for (const box of list.querySelectorAll('.inbox-select')) box.checked = true;
    showSelected();
  });

  bulk.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const items = selected();
    const decision = bulkDecision.value;
    const intent = decision === 'assigned' ? bulkTopic.value : null;
    if (!items.length) {
      tell(['Select the groups to decide first.'], false, true);
      list.querySelector('.inbox-select').focus();
      return;
    }
    if (decision === 'assigned' && !intent) {
      tell(['Choose the topic to add the selected groups to first.'], false, true);
      bulkTopic.focus();
      return;
    }
    const what = plural(items.length, 'group', 'groups');
    const yes = await C.confirmAction({
      title: BULK_WORDS[decision] + ' ' + what + (intent ? ' to "' + known.get(intent) + '"' : '') + '?',
      text: decision === 'dismissed' ? 'They leave the inbox; the draft does not change.'
        : 'Their messages go into the draft and its regression test file. Nothing reaches residents until the '
          + 'draft is published.',
      yes: BULK_WORDS[decision] + ' ' + what
    });
    if (yes === null) return;
    busy = true;
    bulkApply.disabled = true;
    const byKey = new Map(groups.map((g) => [g.groupKey, g]));
    const done = [];
    const gone = [];
    const failed = [];
    let messages = 0;
    let last = null;
    try {
      for (const li of items) {
        const group = byKey.get(li.dataset.groupKey);
        try {
          last = await post(group, decision, intent);
          messages += last.messages;
          done.push(li);
        } catch (e) {
          failed.push('"' + group.example + '": ' + failureWords(e));
          if (e.status === 404) gone.push(li);
        }
      }
    } finally {
      busy = false;
      bulkApply.disabled = false;
    }
    const lines = [];
    if (done.length) lines.push(plural(done.length, 'group', 'groups') + ' decided. ' + doneWords(last, messages));
    if (failed.length) lines.push('Not decided (' + failed.length + '): ' + failed.join(' '));
    tell(lines, done.length > 0 && decision !== 'dismissed', failed.length > 0);
    remove(done.concat(gone));
    if (done.length && decision !== 'dismissed') C.refreshDraftCount();
  });

  async function show() {
    status.replaceChildren();
    known = await C.topicTitles();
    groups = (await api('GET', '/content/inbox')).groups;
    render();
  }

  C.view('inbox', { section: 'view-inbox', tab: 'inbox', show });
  document.addEventListener('DOMContentLoaded', refreshCount);
})();
