// Topics (the API's intents): the searchable list, and one topic's form, never YAML. Saving puts the
// topic into the shared draft; the problems the answer lists are shown next to the field they concern,
// with the topic's changes in the draft and its preview beside the form.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const { teamWords } = window.ConsoleWords;
  const MAX_OPTIONS = 6;
  const MAX_OPTION_LENGTH = 25;
  const MAX_ANSWER = 4000;
  const ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
  const SLOT_WORDS = { postcode: 'The resident\'s postcode (the answer can say {postcode})' };
  const FIELDS = ['title', 'id', 'team', 'slots', 'answer', 'link', 'options', 'reviewby', 'owner', 'source', 'phrases'];
  const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

  const search = document.getElementById('topic-search');
  const form = document.getElementById('topic-form');
  const input = (name) => document.getElementById('topic-' + name);
  const optionList = input('options');
  const addOption = document.getElementById('topic-option-add');
  const saved = document.getElementById('topic-saved');

  let topics = [];
  let choices = null;
  let editing = null; // the id being changed; null for a new topic
  let openedTag = null; // the topic's file as this editor opened it (its ETag): saves are conditional on it
  let idTouched = false;

  // --- the list ---

  function matches(topic, words) {
    const haystack = [topic.title, topic.id, teamWords(topic.team), topic.answer].join(' ').toLowerCase();
    return words.every((w) => haystack.includes(w));
  }

  function renderList() {
    const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = topics.filter((t) => matches(t, words));
    const body = document.querySelector('#topics tbody');
    body.replaceChildren();
    for (const t of shown) {
      const row = el('tr');
      const name = el('td');
      const link = el('a', null, t.title);
      link.href = '#topic/' + encodeURIComponent(t.id);
      name.appendChild(link);
      if (t.urgent) name.append(' ', el('span', 'badge', 'Urgent'));
      const status = el('td');
      status.appendChild(t.changed ? el('span', 'badge changed', 'Changed in draft') : el('span', 'muted', '–'));
      row.append(name, el('td', 'code', t.id), el('td', null, teamWords(t.team)), el('td', 'number', t.phrases), status);
      body.appendChild(row);
    }
    document.getElementById('topic-count').textContent = shown.length === topics.length
      ? topics.length + ' topics' : shown.length + ' of ' + topics.length + ' topics';
  }

  async function showList() {
    const problems = document.getElementById('topics-problems');
    problems.replaceChildren();
    try {
      topics = (await api('GET', '/content/intents')).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
      C.rememberTitles(topics);
    } catch (e) {
      if (!e.data || !e.data.problems) throw e;
      topics = [];
      problems.appendChild(el('p', null, 'The draft has problems, so its topics cannot be listed. Fix them (the '
        + 'links open the file), or discard the draft on the Draft and publish page.'));
      const list = el('div');
      C.renderProblems(list, e.data.problems, null, false);
      problems.appendChild(list);
    }
    renderList();
    await window.ContentReviewList.show();
  }

  search.addEventListener('input', renderList);

  // --- the form ---

  function option(select, value, label) {
    const o = el('option', null, label);
    o.value = value;
    select.appendChild(o);
  }

  async function loadChoices() {
    if (choices) return;
    choices = await api('GET', '/content/intents/choices');
    const team = input('team');
    option(team, '', 'Choose a team…');
    for (const t of choices.teams) option(team, t, teamWords(t));
    const owner = input('owner');
    option(owner, '', 'The topic\'s team');
    for (const t of choices.teams) option(owner, t, teamWords(t));
    const slots = input('slots');
    for (const s of choices.slots) {
      const label = el('label', 'check');
      const box = el('input');
      box.type = 'checkbox';
      box.name = 'slot';
      box.value = s;
      label.append(box, ' ' + (SLOT_WORDS[s] || s));
      slots.appendChild(label);
    }
  }

  /** A quick reply's row: its box, how long it is, and a button to take it out. */
  function optionRow(text) {
    const li = el('li', 'option-row');
    const box = el('input');
    box.maxLength = MAX_OPTION_LENGTH;
    box.autocomplete = 'off';
    box.value = text;
    const count = el('span', 'count');
    const remove = el('button', 'secondary small', 'Remove');
    remove.type = 'button';
    const label = el('label');
    li.append(label, box, count, remove);
    remove.addEventListener('click', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      numberOptions();
      (next ? next.querySelector('input') : addOption).focus();
      refresh();
    });
    box.addEventListener('input', () => numberOptions());
    return li;
  }

  /** Labels, counts and the remove buttons' names follow the rows' order. */
  function numberOptions() {
    const rows = [...optionList.children];
    rows.forEach((li, i) => {
      const box = li.querySelector('input');
      box.id = 'topic-option-' + (i + 1);
      const label = li.querySelector('label');
      label.htmlFor = box.id;
      label.textContent = 'Quick reply ' + (i + 1);
      const count = li.querySelector('.count');
      count.id = box.id + '-count';
      count.textContent = box.value.length + ' of ' + MAX_OPTION_LENGTH;
      box.setAttribute('aria-describedby', count.id + ' topic-options-hint');
      li.querySelector('button').setAttribute('aria-label', 'Remove quick reply ' + (i + 1)
        + (box.value ? ' "' + box.value + '"' : ''));
    });
    addOption.disabled = rows.length >= MAX_OPTIONS;
    addOption.textContent = rows.length >= MAX_OPTIONS ? 'At most 6 quick replies' : 'Add a quick reply';
  }

  addOption.addEventListener('click', () => {
    if (optionList.children.length >= MAX_OPTIONS) return;
    optionList.appendChild(optionRow(''));
    numberOptions();
    optionList.lastElementChild.querySelector('input').focus();
  });

  function phrasesOf() {
    return input('phrases').value.split('\n').map((p) => p.trim()).filter(Boolean);
  }

  /** The form as the API takes it. */
  function values() {
    return {
      title: input('title').value.trim(),
      team: input('team').value,
      urgent: input('urgent').checked,
      handoff: input('handoff').checked,
      slots: [...form.querySelectorAll('input[name=slot]:checked')].map((b) => b.value),
      answer: {
        text: input('answer').value.trim(),
        link: input('link').value.trim() || null,
        options: [...optionList.querySelectorAll('input')].map((b) => b.value.trim()).filter(Boolean),
        review: {
          owner: input('owner').value || null,
          by: input('reviewby').value || null,
          source: input('source').value.trim() || null
        }
      },
      phrases: phrasesOf()
    };
  }

  function fill(topic) {
    input('title').value = topic.title;
    input('id').value = topic.id;
    input('team').value = topic.team;
    input('urgent').checked = topic.urgent;
    input('handoff').checked = topic.handoff;
    for (const box of form.querySelectorAll('input[name=slot]')) box.checked = topic.slots.includes(box.value);
    input('answer').value = topic.answer.text;
    input('link').value = topic.answer.link || '';
    optionList.replaceChildren(...topic.answer.options.map(optionRow));
    numberOptions();
    const review = topic.answer.review || {};
    input('owner').value = review.owner || '';
    input('reviewby').value = review.by || '';
    input('source').value = review.source || '';
    input('phrases').value = topic.phrases.join('\n');
  }

  /** "Report a pothole!" makes report_pothole's like: report_a_pothole. */
  function idFrom(title) {
    const id = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
    return (/^[a-z]/.test(id) ? id : id ? 'topic_' + id : '').slice(0, 64).replace(/_+$/, '');
  }

  /** Counts, the preview and (for a new topic) the id follow what is typed. */
  function refresh() {
    const v = values();
    if (editing === null && !idTouched) input('id').value = idFrom(input('title').value);
    const answer = input('answer').value;
    const count = document.getElementById('topic-answer-count');
    count.textContent = answer.length.toLocaleString('en-GB') + ' of 4,000 characters';
    count.classList.toggle('over', answer.length > MAX_ANSWER);
    const phrases = v.phrases.length;
    document.getElementById('topic-phrases-count').textContent = phrases === 1 ? '1 training phrase'
      : phrases.toLocaleString('en-GB') + ' training phrases';
    window.ContentPreview.render({ title: v.title, asked: v.phrases[0], team: v.team, urgent: v.urgent,
      handoff: v.handoff, text: v.answer.text, link: v.answer.link, options: v.answer.options },
    document.getElementById('preview-webchat'), document.getElementById('preview-telegram'),
    document.getElementById('preview-flags'));
  }

  form.addEventListener('input', (event) => {
    if (event.target === input('id')) idTouched = true;
    refresh();
  });
  form.addEventListener('change', refresh);

  // --- problems, next to their fields ---

  /** Which field a problem the pack reader found in this topic's file is about, by its message. */
  function fieldOfProblem(message) {
    const rules = [[/^review owner/, 'owner'], [/^review-by date/, 'reviewby'], [/^review source/, 'source'],
      [/^unknown team|'team'/, 'team'], [/^unknown slot|'slots'/, 'slots'], [/^link |'link'/, 'link'],
      [/^option |'options'/, 'options'], [/^duplicate phrase|'phrases'/, 'phrases'], [/^id |'id'/, 'id'],
      [/'title'/, 'title'], [/'text'|'answer'/, 'answer']];
    const rule = rules.find(([pattern]) => pattern.test(message));
    return rule ? rule[1] : null;
  }

  /** Which field a refusal of the form ("answer.text: must say something") is about. */
  function fieldOfRefusal(part) {
    const name = part.split(':')[0].replace(/\[\d+\]/g, '').trim();
    return { title: 'title', team: 'team', urgent: 'flags', handoff: 'flags', slots: 'slots', answer: 'answer',
      'answer.text': 'answer', 'answer.link': 'link', 'answer.options': 'options', phrases: 'phrases',
      'answer.review.owner': 'owner', 'answer.review.by': 'reviewby', 'answer.review.source': 'source' }[name] || null;
  }

  function focusField(field) {
    const target = field === 'options' ? (optionList.querySelector('input') || addOption)
      : field === 'slots' ? form.querySelector('input[name=slot]') : input(field);
    if (target) target.focus();
  }

  /** Shows [field, message] pairs: each by its field, and all in the summary at the top. */
  function showErrors(errors) {
    const byField = new Map();
    for (const [field, text] of errors) {
      if (!byField.has(field)) byField.set(field, []);
      byField.get(field).push(text);
    }
    for (const field of FIELDS) {
      const error = document.getElementById('topic-' + field + '-error');
      const messages = byField.get(field) || [];
      error.textContent = messages.join(' ');
      error.hidden = !messages.length;
      const wrapper = form.querySelector('[data-field="' + field + '"]');
      if (wrapper) wrapper.classList.toggle('has-error', messages.length > 0);
      const control = field === 'slots' || field === 'options' ? null : input(field);
      if (control) {
        if (messages.length) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    }
    const summary = document.getElementById('topic-summary');
    const list = summary.querySelector('ul');
    list.replaceChildren();
    for (const [field, text] of errors) {
      const li = el('li');
      if (field) {
        const jump = el('button', 'link-button', text);
        jump.type = 'button';
        jump.addEventListener('click', () => focusField(field));
        li.appendChild(jump);
      } else {
        li.textContent = text;
      }
      list.appendChild(li);
    }
    summary.hidden = !errors.length;
  }

  /** What the form itself can tell before anything is sent. */
  function check(v) {
    const errors = [];
    if (!v.title) errors.push(['title', 'Enter a title.']);
    const id = input('id').value.trim();
    if (editing === null) {
      if (!ID.test(id) || id === 'oos' || id.length > 64) {
        errors.push(['id', 'Use small letters, numbers and single underscores, starting with a letter, e.g. '
          + 'report_pothole.']);
      } else if (topics.some((t) => t.id === id)) {
        errors.push(['id', 'There is already a topic with the id ' + id + ': choose another.']);
      }
    }
    if (!v.team) errors.push(['team', 'Choose a team.']);
    if (!v.answer.text) errors.push(['answer', 'Write the answer.']);
    if (v.answer.text.length > MAX_ANSWER) errors.push(['answer', 'The answer is longer than 4,000 characters.']);
    if (v.answer.link && !/^https?:\/\/[^\s/]+\.[^\s]+$/.test(v.answer.link)) {
      errors.push(['link', 'Give a full web address, starting https://']);
    }
    if (v.answer.review.by && !ISO_DATE.test(v.answer.review.by)) {
      errors.push(['reviewby', 'Give the review-by date as a day, month and year.']);
    }
    if (v.answer.review.source && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(v.answer.review.source)) {
      errors.push(['source', 'Give the source page\'s full address, starting https://']);
    }
    v.answer.options.forEach((o, i) => {
      if (o.length > MAX_OPTION_LENGTH) errors.push(['options', 'Quick reply ' + (i + 1) + ' is longer than 25 characters.']);
    });
    if (!v.phrases.length) errors.push(['phrases', 'Add at least one training phrase.']);
    const seen = new Set();
    for (const p of v.phrases) {
      const key = p.toLowerCase().replace(/\s+/g, ' ');
      if (seen.has(key)) errors.push(['phrases', 'The phrase "' + p + '" is there twice.']);
      seen.add(key);
    }
    return errors;
  }

  /** This topic's problems from the draft's answer, and its changes in the draft. */
  async function showDraft(draft, id) {
    const path = 'intents/' + id + '.yml';
    const known = await C.topicTitles();
    const mine = (draft.problems || []).filter((p) => p.file === path);
    const errors = mine.map((p) => [fieldOfProblem(p.message), C.problemWords(p.message, known)]);
    const others = (draft.problems || []).length - mine.length;
    if (others) {
      errors.push([null, 'The draft has ' + others + (others === 1 ? ' other problem' : ' other problems')
        + ' to fix before it can be published: see Draft and publish.']);
    }
    showErrors(errors);
    window.ContentDiffs.renderChanges(document.getElementById('topic-changes'),
      (draft.changed || []).filter((c) => c.path === path), known,
      'The draft has no changes to this topic: residents get what you see here.');
    C.showDraftCount(draft);
  }

  async function showTopic(id) {
    await loadChoices();
    editing = id;
    idTouched = false;
    saved.textContent = '';
    showErrors([]);
    let topic;
    try {
      const read = await api('GET', '/content/intents/' + encodeURIComponent(id), undefined, { withTag: true });
      topic = read.data;
      openedTag = read.tag;
    } catch (e) {
      if (!e.data || !e.data.problems) throw e;
      // A draft that cannot be read has no form to show: its file opens as text, to be put right.
      C.go('#file/' + encodeURIComponent('intents/' + id + '.yml'),
        'The draft has problems, so this topic opens as text. Fix them, and its form is back.');
      return;
    }
    document.getElementById('topic-heading').textContent = topic.title;
    input('id').readOnly = true;
    document.getElementById('topic-retire').hidden = false;
    fill(topic);
    refresh();
    if (!topics.length) topics = await api('GET', '/content/intents').catch(() => []);
    await showDraft(await api('GET', '/content/draft'), id);
  }

  async function showNew() {
    await loadChoices();
    editing = null;
    openedTag = null;
    idTouched = false;
    saved.textContent = '';
    showErrors([]);
    document.getElementById('topic-heading').textContent = 'Add a topic';
    input('id').readOnly = false;
    document.getElementById('topic-retire').hidden = true;
    fill({ id: '', title: '', team: '', urgent: false, handoff: false, slots: [],
      answer: { text: '', link: null, options: [], review: null }, phrases: [] });
    refresh();
    document.getElementById('topic-changes').replaceChildren(el('p', 'muted', 'A new topic: save it to add it to the draft.'));
    if (!topics.length) topics = await api('GET', '/content/intents').catch(() => []);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    saved.textContent = '';
    const v = values();
    const errors = check(v);
    if (errors.length) {
      showErrors(errors);
      document.getElementById('topic-summary').focus();
      return;
    }
    const id = editing || input('id').value.trim();
    const save = document.getElementById('topic-save');
    save.disabled = true;
    saved.textContent = 'Saving and checking the draft…';
    try {
      // Saved only if nobody changed the topic since this editor opened it (or took its id, if new).
      const answer = await api('PUT', '/content/intents/' + encodeURIComponent(id), v,
        editing === null ? { ifNoneMatch: '*', withTag: true } : { ifMatch: openedTag, withTag: true });
      openedTag = answer.tag;
      const draft = answer.data;
      C.forgetTitles();
      if (editing === null) {
        // Now it exists: its address is its own, and its id is fixed.
        editing = id;
        input('id').readOnly = true;
        document.getElementById('topic-retire').hidden = false;
        history.replaceState(null, '', '#topic/' + encodeURIComponent(id));
        topics = await api('GET', '/content/intents').catch(() => topics);
      }
      document.getElementById('topic-heading').textContent = v.title;
      await showDraft(draft, id);
      const mine = (draft.problems || []).filter((p) => p.file === 'intents/' + id + '.yml');
      saved.textContent = mine.length
        ? 'Saved to the draft, with problems to fix before it can be published (listed at the top).'
        : 'Saved to the draft. Residents get it once the draft is published.';
      if (mine.length) document.getElementById('topic-summary').focus();
    } catch (e) {
      if (e.status === 400) {
        showErrors(e.message.replace(/\.$/, '').split('; ').map((part) => [fieldOfRefusal(part), C.sentence(part) + '.']));
        document.getElementById('topic-summary').focus();
      } else if (e.status === 412) {
        C.say(e.message + (editing === null ? ' Choose another name for your topic.'
          : ' Your changes are still in the form: copy what you need, then open the topic again.'));
      } else {
        C.say(e.message);
      }
      saved.textContent = '';
    } finally {
      save.disabled = false;
    }
  });

  document.getElementById('topic-retire').addEventListener('click', async () => {
    if (!editing) return;
    const title = input('title').value.trim() || editing;
    const yes = await C.confirmAction({
      title: 'Retire "' + title + '"?',
      text: 'Once the draft is published, the bot no longer recognises this topic or gives its answer. Until '
        + 'then you can bring it back by discarding the draft; afterwards, by rolling back to an earlier version.',
      yes: 'Retire the topic'
    });
    if (yes === null) return;
    try {
      C.showDraftCount(await api('DELETE', '/content/intents/' + encodeURIComponent(editing), undefined,
        { ifMatch: openedTag }));
      C.forgetTitles();
      topics = [];
      C.go('#topics', 'Retired "' + title + '" in the draft. Publish the draft to take it away from residents.');
    } catch (e) {
      C.say(e.message);
    }
  });

  C.view('topics', { section: 'view-topics', tab: 'topics', show: showList });
  C.view('topic', { section: 'view-topic', tab: 'topics', show: showTopic });
  C.view('topic-new', { section: 'view-topic', tab: 'topics', show: showNew });
})();
