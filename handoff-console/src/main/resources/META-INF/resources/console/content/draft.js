// Draft and publish: what the shared draft changes against the live version, file by file, who changed
// what when, the problems that stop it being published, the check of it (evaluation.js); publishing it
// with a message (its progress is followed at the top of every view), discarding it, downloading it; a
// change to safeguarding content waiting for a second person, approved or turned down here.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const EDITS = { changed: 'changed', added: 'added', removed: 'took out', imported: 'imported a zip of files into' };

  const form = document.getElementById('publish-form');
  const message = document.getElementById('publish-message');
  const publishButton = document.getElementById('publish');

  function editWords(edit, known) {
    const what = edit.kind === 'removed' && C.topicOf(edit.path) ? 'retired' : EDITS[edit.kind] || edit.kind;
    return C.when(edit.at) + ': ' + edit.by + ' ' + what + ' ' + (edit.path === '*' ? 'the draft'
      : C.fileWords(edit.path, known));
  }

  async function render(draft) {
    const known = await C.topicTitles();
    const changes = draft.changed.length;
    document.getElementById('draft-summary').textContent = changes
      ? 'The draft changes ' + (changes === 1 ? 'one file' : changes + ' files') + ' of version ' + draft.liveVersion
        + ', the version residents get now.'
      : 'The draft is the same as version ' + draft.liveVersion + ', the version residents get now: there is '
        + 'nothing to publish. Change a topic or a file to start a draft.';
    C.renderProblems(document.getElementById('draft-problems'), draft.problems, known, changes > 0);
    window.ContentDiffs.renderChanges(document.getElementById('draft-changes'), draft.changed, known,
      'Nothing has changed yet.');
    const edits = document.getElementById('draft-edits');
    edits.replaceChildren();
    for (const edit of draft.edits.slice().reverse()) edits.appendChild(el('li', null, editWords(edit, known)));
    if (!draft.edits.length) edits.appendChild(el('li', 'muted', 'Nobody has changed anything since the last publication.'));
    document.getElementById('discard').disabled = !draft.edits.length && !changes;
    publishButton.disabled = !changes;
    C.showDraftCount(draft);
    await window.ContentEvaluation.show(draft);
  }

  const approval = document.getElementById('approval');

  /** The publication of safeguarding content waiting for a second person, if any. */
  async function renderApproval() {
    const versions = await api('GET', '/content/versions');
    const waiting = versions.awaitingApproval;
    approval.hidden = !waiting;
    if (!waiting) return;
    const me = C.me();
    document.getElementById('approval-text').textContent = waiting.requestedBy + ' asked on ' + C.when(waiting.requestedAt)
      + ' to publish "' + waiting.message + '"' + (waiting.restoredFrom !== null && waiting.restoredFrom !== undefined
        ? ' (going back to version ' + waiting.restoredFrom + ')' : '') + '. It changes safeguarding content, which '
      + 'decides whether a resident is in danger and what help they get, so a second person must approve it:';
    const files = document.getElementById('approval-files');
    files.replaceChildren();
    const known = await C.topicTitles();
    for (const path of waiting.safeguardingFiles) {
      const link = el('a', null, C.fileWords(path, known));
      link.href = C.fileAddress(path);
      files.appendChild(el('li')).appendChild(link);
    }
    const mine = me && me.username === waiting.requestedBy;
    const canDecide = C.isAdmin() && !mine;
    document.getElementById('approval-actions').hidden = !canDecide;
    document.getElementById('approval-hint').textContent = canDecide
      ? 'Compare it with the live version under What changed, then approve it (it is published at once) or turn it down.'
      : mine ? 'An administrator other than you must approve it. Nothing else can be published until then.'
        : 'An administrator other than ' + waiting.requestedBy + ' must approve it. Nothing else can be published until then.';
  }

  async function show() {
    await Promise.all([render(await api('GET', '/content/draft')), renderApproval()]);
  }

  document.getElementById('approve').addEventListener('click', async () => {
    const yes = await C.confirmAction({
      title: 'Approve and publish?',
      text: 'The change to safeguarding content is published for every resident as soon as it is ready.',
      yes: 'Approve and publish'
    });
    if (yes === null) return;
    try {
      await api('POST', '/content/approval/approve');
      approval.hidden = true;
      await C.watchPublication();
    } catch (e) {
      C.say(C.sentence(e.message) + '.');
    }
  });

  document.getElementById('reject').addEventListener('click', async () => {
    const reason = await C.confirmAction({
      title: 'Turn the change down?',
      text: 'Nothing changes for residents. The draft stays as it is, so its author can change it and ask again.',
      yes: 'Turn it down',
      askReason: true
    });
    if (reason === null) return;
    try {
      await api('POST', '/content/approval/reject', { reason });
      await show();
      C.say('Turned down. Residents keep getting the live version.');
    } catch (e) {
      C.say(C.sentence(e.message) + '.');
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = message.value.trim();
    if (!text) {
      C.say('Say what changed and why before publishing: it is kept with the version.');
      message.focus();
      return;
    }
    C.say('');
    publishButton.disabled = true;
    try {
      const override = window.ContentEvaluation.overrideReason();
      await api('POST', '/content/publish', override ? { message: text, override } : { message: text });
      message.value = '';
      window.ContentEvaluation.clearOverride();
      await C.watchPublication(); // the page shows the draft again once it is live
    } catch (e) {
      publishButton.disabled = false;
      if (e.data && e.data.problems && e.data.problems.length) {
        C.renderProblems(document.getElementById('draft-problems'), e.data.problems, await C.topicTitles(), false);
      }
      C.say(C.sentence(e.message) + '.');
    }
  });

  document.getElementById('discard').addEventListener('click', async () => {
    const yes = await C.confirmAction({
      title: 'Discard the draft?',
      text: 'Every change in the draft is forgotten, by every editor. Residents keep getting the live version.',
      yes: 'Discard the draft'
    });
    if (yes === null) return;
    try {
      await api('DELETE', '/content/draft');
      C.forgetTitles();
      await show();
      C.say('The draft is discarded.');
    } catch (e) {
      C.say(e.message);
    }
  });

  C.onPublished(() => {
    if (!document.getElementById('view-draft').hidden) show().catch(() => {});
  });
  C.view('draft', { section: 'view-draft', tab: 'draft', show });
})();
