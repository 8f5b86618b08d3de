// The editors' pages: a client of /api/console/content (EDITOR or ADMIN). One page with one view per
// address (#topics, #topic/<id>, #topic-new, #inbox, #try, #draft, #history, #files, #file/<path>), so the
// browser's Back button works. This file is the frame the views share: who is signed in, the views'
// switching, messages, the confirm dialog, problems, the draft's count and a publication's progress.
// Text from the content is only ever set with textContent.
(function () {
  'use strict';
  const api = window.ConsoleApi.call;
  const views = new Map();
  const message = document.getElementById('content-message');
  const publication = document.getElementById('publication');
  let me = null;
  let titles = null;

  function say(text) {
    message.textContent = text || '';
    message.hidden = !text;
  }

  /** A new element with a class and text (either may be empty). */
  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
  }

  /** "unknown team 'x'" reads "Unknown team 'x'". */
  function sentence(text) {
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
  }

  /**
   * A problem's message in editors' words: "duplicate phrase 'x' (already at intents/a.yml:3)" names
   * the topic "A" instead of its file.
   */
  function problemWords(text, known) {
    return sentence(String(text || '')
      .replace(/\(already at intents\/([a-z0-9_]+)\.(?:yml|yaml|json):\d+\)/g,
        (all, id) => '(already a phrase of the topic "' + ((known && known.get(id)) || id) + '")')
      .replace(/\(already at out-of-scope\.yml:\d+\)/g, '(already in Out of scope)'));
  }

  /** The topic id of a file under intents/, or null. */
  function topicOf(path) {
    const match = /^intents\/([a-z0-9_]+)\.(yml|yaml|json)$/.exec(path || '');
    return match ? match[1] : null;
  }

  /** Keeps the topics' titles from a list of them just read. */
  function rememberTitles(topics) {
    titles = new Map(topics.map((i) => [i.id, i.title]));
    titlesStale = false;
  }

  /** Topics' titles by id (the draft's), read once and again after a change. */
  async function topicTitles() {
    if (!titles || titlesStale) {
      try {
        rememberTitles(await api('GET', '/content/intents'));
      } catch (e) {
        // A draft that cannot be read has no topics to name: the last names known will do, or the ids.
        return titles || new Map();
      }
    }
    return titles;
  }
  let titlesStale = false;

  function forgetTitles() {
    titlesStale = true;
  }

  /** A file as editors know it: 'Topic "Report a pothole"', 'Signposts'… */
  function fileWords(path, known) {
    const topic = topicOf(path);
    if (topic) return 'Topic "' + ((known && known.get(topic)) || topic) + '"';
    const names = { 'signposts.yml': 'Signposts', 'out-of-scope.yml': 'Out of scope', 'pack.yml': 'Pack settings',
      'safeguarding/safeguarding.yml': 'Safeguarding settings', 'safeguarding/look-alikes.yml': 'Safeguarding look-alikes',
      'intent-training.properties': 'Topic training settings',
      'safeguarding-training.properties': 'Safeguarding training settings',
      'collections/rounds.csv': 'Bin collection rounds' };
    if (names[path]) return names[path];
    const category = /^safeguarding\/categories\/(.+)\.yml$/.exec(path);
    if (category) return 'Safeguarding: ' + category[1].replace(/_/g, ' ');
    if (path === '*') return 'All files';
    return path;
  }

  /** Where a file is edited: its topic's form, or the text editor. */
  function fileAddress(path) {
    const topic = topicOf(path);
    if (path === 'collections/rounds.csv') return '#rounds';
    return topic ? '#topic/' + encodeURIComponent(topic) : '#file/' + encodeURIComponent(path);
  }

  /**
   * The problems that stop content being published, each with its file and line and a link to where
   * it is fixed. Empty: says so when asked to.
   */
  function renderProblems(container, problems, known, sayNone) {
    container.replaceChildren();
    if (!problems || !problems.length) {
      if (sayNone) container.appendChild(el('p', 'ok-note', 'No problems: this can be published.'));
      return;
    }
    const box = el('div', 'error-summary');
    box.appendChild(el('h3', null, problems.length === 1 ? 'One problem to fix before publishing'
      : problems.length + ' problems to fix before publishing'));
    const list = el('ul', 'plain');
    for (const p of problems) {
      const li = el('li');
      const where = fileWords(p.file, known) + (p.line > 0 ? ', line ' + p.line : '');
      const link = el('a', null, where);
      link.href = fileAddress(p.file);
      li.append(link, document.createTextNode(': ' + problemWords(p.message, known)));
      list.appendChild(li);
    }
    box.appendChild(list);
    container.appendChild(box);
  }

  // --- the confirm dialog (retire, discard, roll back), with a reason when one is needed ---
  const dialog = document.getElementById('confirm');
  const reasonField = document.getElementById('confirm-reason-field');
  const reason = document.getElementById('confirm-reason');
  const dialogError = document.getElementById('confirm-error');
  let needsReason = false;

  document.getElementById('confirm-form').addEventListener('submit', (event) => {
    if (event.submitter && event.submitter.value === 'yes' && needsReason && !reason.value.trim()) {
      event.preventDefault();
      dialogError.textContent = 'Say why first.';
      dialogError.hidden = false;
      reason.focus();
    }
  });

  /** Asks before something that cannot simply be undone; resolves to the reason ('' without one), or null. */
  function confirmAction({ title, text, yes, askReason }) {
    document.getElementById('confirm-title').textContent = title;
    document.getElementById('confirm-text').textContent = text;
    document.getElementById('confirm-yes').textContent = yes;
    needsReason = !!askReason;
    reasonField.hidden = !askReason;
    reason.value = '';
    dialogError.hidden = true;
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => {
        resolve(dialog.returnValue === 'yes' ? reason.value.trim() : null);
      }, { once: true });
      dialog.showModal();
      (askReason ? reason : document.getElementById('confirm-no')).focus();
    });
  }

  // --- the draft's number of changes, in the tab ---
  function showDraftCount(view) {
    const count = view && view.changed ? view.changed.length : 0;
    document.getElementById('draft-count').textContent = count
      ? '(' + count + (count === 1 ? ' change' : ' changes') + ')' : '';
  }

  async function refreshDraftCount() {
    try {
      showDraftCount(await api('GET', '/content/draft'));
    } catch (e) {
      /* shown again after the next change */
    }
  }

  // --- a publication (or roll-back) under way: polled every second until it is live or failed ---
  let watching = false;
  const publishedListeners = [];

  function showJob(job, live) {
    if (!job) return;
    const what = '"' + job.message + '" (' + job.by + ')';
    if (job.state === 'awaiting approval') {
      publication.className = 'publication busy';
      publication.textContent = what + ' changes safeguarding content: it waits for a second person to approve it '
        + '(see Draft and publish). Residents get version ' + live + ' meanwhile.';
    } else if (job.state === 'training') {
      publication.className = 'publication busy';
      publication.textContent = 'Publishing ' + what + ': preparing the new version. This takes up to a minute; '
        + 'residents are answered by version ' + live + ' meanwhile.';
    } else if (job.state === 'published') {
      publication.className = 'publication done';
      publication.textContent = 'Published: version ' + job.version + ' is live, residents get it now. ' + what;
    } else {
      publication.className = 'publication failed';
      publication.textContent = 'Publishing ' + what + ' failed: ' + job.problem + '. Nothing changed for '
        + 'residents: version ' + live + ' is still live.';
    }
    publication.hidden = false;
  }

  /** Follows the running publication until it ends, then tells the views. */
  async function watchPublication() {
    if (watching) return;
    watching = true;
    try {
      for (;;) {
        const versions = await api('GET', '/content/versions');
        const job = versions.publishing;
        showJob(job, versions.live);
        if (!job || job.state !== 'training') {
          forgetTitles();
          refreshDraftCount();
          publishedListeners.forEach((listener) => listener(job));
          return job;
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    } catch (e) {
      say('Cannot follow the publication: ' + e.message);
      return null;
    } finally {
      watching = false;
    }
  }

  // --- views and their addresses ---
  /**
   * Registers a view: its section, its tab, and show(argument) to fill it in (it may be async).
   * An address #name/argument shows view name with that argument.
   */
  function view(name, definition) {
    views.set(name, definition);
  }

  async function route() {
    const address = location.hash.slice(1) || 'topics';
    const slash = address.indexOf('/');
    const name = slash < 0 ? address : address.slice(0, slash);
    const argument = slash < 0 ? '' : decodeURIComponent(address.slice(slash + 1));
    const chosen = views.get(name) || views.get('topics');
    say(flash);
    flash = null;
    for (const section of document.querySelectorAll('.view')) section.hidden = section.id !== chosen.section;
    for (const tab of document.querySelectorAll('.tabs a')) {
      if (tab.dataset.tab === chosen.tab) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
    }
    try {
      await chosen.show(argument);
    } catch (e) {
      say(e.message);
    }
    // Keyboard and screen reader users land on the new view's heading (or where a shortcut asked).
    const target = focusNext || (firstRoute ? null : document.querySelector('#' + chosen.section + ' h2'));
    if (target) target.focus();
    focusNext = null;
    firstRoute = false;
  }
  let firstRoute = true;
  let flash = null;

  /** Goes to another view and says something there (e.g. "Retired the topic"). */
  function go(address, text) {
    flash = text || null;
    if (location.hash === address) route();
    else location.hash = address;
  }
  let focusNext = null;

  // --- keyboard shortcuts ("?" lists them), as on the queue page ---
  const shortcuts = document.getElementById('shortcuts');
  document.getElementById('shortcuts-open').addEventListener('click', () => shortcuts.showModal());
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      const form = event.target.closest && event.target.closest('#topic-form, #file-form');
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    const typing = event.target.closest && event.target.closest('textarea, input, select');
    if (typing || event.ctrlKey || event.metaKey || event.altKey || shortcuts.open || dialog.open) return;
    if (event.key === '?') {
      event.preventDefault();
      shortcuts.showModal();
    } else if (event.key === '/') {
      event.preventDefault();
      const search = document.getElementById('topic-search');
      if (location.hash === '#topics' || location.hash === '') {
        search.focus();
      } else {
        focusNext = search;
        location.hash = '#topics';
      }
    }
  });

  document.getElementById('logout').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = window.ConsoleApi.cookie('XSRF-TOKEN');
  });

  async function start() {
    try {
      me = await api('GET', '/me');
      document.getElementById('me').textContent = me.username;
      document.getElementById('queue-link').hidden = !me.roles.includes('AGENT');
      document.getElementById('admin-link').hidden = !me.roles.includes('ADMIN');
      document.getElementById('memory-banner').hidden = me.keptAcrossRestarts !== false;
    } catch (e) {
      say(e.message);
    }
    window.addEventListener('hashchange', route);
    await route();
    refreshDraftCount();
    const versions = await api('GET', '/content/versions').catch(() => null);
    if (versions && versions.publishing && versions.publishing.state === 'training') watchPublication();
    else if (versions && versions.awaitingApproval) showJob(versions.publishing, versions.live);
  }

  window.ContentConsole = {
    api, el, say, go, when, sentence, problemWords, topicOf, topicTitles, rememberTitles, forgetTitles,
    isAdmin: () => !!(me && me.roles.includes('ADMIN')), me: () => me,
    fileWords, fileAddress, renderProblems, confirmAction, showDraftCount, refreshDraftCount, watchPublication, view,
    onPublished: (listener) => publishedListeners.push(listener)
  };
  document.addEventListener('DOMContentLoaded', start);
})();
