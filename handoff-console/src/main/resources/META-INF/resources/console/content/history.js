// History: every published version newest first, what changed between any two, rolling back to an
// earlier version (published again as a new one, with a reason), and the content as a zip: a version
// or the draft downloaded, a zip imported into the draft (its changes and problems shown at once).
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;

  const from = document.getElementById('compare-from');
  const to = document.getElementById('compare-to');

  function option(select, value, label) {
    const o = el('option', null, label);
    o.value = value;
    select.appendChild(o);
  }

  function versionWords(number, live) {
    return 'Version ' + number + (number === live ? ' (live)' : '');
  }

  function row(version, live) {
    const tr = el('tr');
    const name = el('td', null, 'Version ' + version.number);
    if (version.number === live) name.append(' ', el('span', 'badge live', 'Live now'));
    const said = el('td', null, version.number === 0 ? 'The content the bot came with' : version.message);
    if (version.restoredFrom !== null && version.restoredFrom !== undefined) {
      said.append(' ', el('span', 'muted', '(a roll-back to version ' + version.restoredFrom + ')'));
    }
    const actions = el('td', 'row-actions');
    const download = el('a', null, 'Download (zip)');
    download.href = '/api/console/content/versions/' + version.number + '/export';
    download.setAttribute('download', '');
    download.setAttribute('aria-label', 'Download version ' + version.number + ' as a zip');
    actions.appendChild(download);
    if (version.number !== live) {
      const back = el('button', 'secondary small', 'Roll back to this version');
      back.type = 'button';
      back.setAttribute('aria-label', 'Roll back to version ' + version.number);
      back.addEventListener('click', () => rollBack(version.number));
      actions.appendChild(back);
    }
    tr.append(name, el('td', null, version.publishedBy || '–'), el('td', null, C.when(version.publishedAt) || '–'),
      said, actions);
    return tr;
  }

  async function show() {
    const versions = await api('GET', '/content/versions');
    const body = document.querySelector('#versions tbody');
    body.replaceChildren(...versions.versions.map((v) => row(v, versions.live)));
    const chosen = [from.value, to.value];
    from.replaceChildren();
    to.replaceChildren();
    for (const v of versions.versions) {
      option(from, v.number, versionWords(v.number, versions.live));
      option(to, v.number, versionWords(v.number, versions.live));
    }
    option(to, 'draft', 'The draft');
    const numbers = versions.versions.map((v) => String(v.number));
    from.value = numbers.includes(chosen[0]) ? chosen[0] : String(versions.live);
    to.value = chosen[1] && (numbers.includes(chosen[1]) || chosen[1] === 'draft') ? chosen[1] : 'draft';
  }

  async function rollBack(number) {
    const reason = await C.confirmAction({
      title: 'Roll back to version ' + number + '?',
      text: 'Version ' + number + '\'s content is published again, as a new version, on every copy of the bot. '
        + 'The draft is kept.',
      yes: 'Roll back',
      askReason: true
    });
    if (reason === null) return;
    try {
      await api('POST', '/content/rollback', { version: number, message: reason });
      await C.watchPublication();
    } catch (e) {
      C.say(C.sentence(e.message) + '.');
    }
  }

  document.getElementById('compare-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = document.getElementById('compare-result');
    try {
      const changes = await api('GET', '/content/diff?from=' + encodeURIComponent(from.value)
        + (to.value === 'draft' ? '' : '&to=' + encodeURIComponent(to.value)));
      const heading = el('h4', null, 'From version ' + from.value + ' to '
        + (to.value === 'draft' ? 'the draft' : 'version ' + to.value) + ': '
        + (changes.length === 1 ? 'one file changed' : changes.length + ' files changed'));
      heading.tabIndex = -1;
      const list = el('div');
      window.ContentDiffs.renderChanges(list, changes, await C.topicTitles(), 'They are the same.');
      result.replaceChildren(heading, list);
      heading.focus();
    } catch (e) {
      C.say(e.message);
    }
  });

  document.getElementById('import-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = document.getElementById('import-file').files[0];
    const result = document.getElementById('import-result');
    if (!file) {
      C.say('Choose a zip file first.');
      return;
    }
    try {
      const draft = await api('POST', '/content/draft/import', file, { type: 'application/zip' });
      C.forgetTitles();
      const known = await C.topicTitles();
      const heading = el('h4', null, 'Imported "' + file.name + '": the draft now changes '
        + (draft.changed.length === 1 ? 'one file' : draft.changed.length + ' files')
        + '. Nothing changes for residents until someone publishes it.');
      heading.tabIndex = -1;
      const problems = el('div');
      C.renderProblems(problems, draft.problems, known, true);
      const changes = el('div');
      window.ContentDiffs.renderChanges(changes, draft.changed, known, 'The zip holds the live version\'s files.');
      const next = el('a', null, 'Go to Draft and publish');
      next.href = '#draft';
      result.replaceChildren(heading, problems, changes, next);
      C.showDraftCount(draft);
      heading.focus();
    } catch (e) {
      C.say('The zip was not imported: ' + e.message);
    }
  });

  C.onPublished(() => {
    if (!document.getElementById('view-history').hidden) show().catch(() => {});
  });
  C.view('history', { section: 'view-history', tab: 'history', show });
})();
