// Bin rounds: the council's collection rounds file as editors replace it. Download the one in use,
// upload a new one into the draft (checked at once, its mistakes by line), and see what residents would
// be told, now and with it, for the areas it changes and for postcodes the editor names.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const FILE = 'collections/rounds.csv';
  const MAX_BYTES = 2 * 1024 * 1024;

  const state = document.getElementById('rounds-state');
  const upload = document.getElementById('rounds-upload');
  const chooser = document.getElementById('rounds-file');
  const remove = document.getElementById('rounds-remove');
  const problems = document.getElementById('rounds-problems');
  const previewForm = document.getElementById('rounds-preview-form');
  const postcodes = document.getElementById('rounds-postcodes');
  const result = document.getElementById('rounds-result');

  function showProblems(draft) {
    problems.replaceChildren();
    const mine = (draft.problems || []).filter((p) => p.file === FILE);
    if (!mine.length) return false;
    const box = el('div', 'error-summary');
    box.appendChild(el('h3', null, 'The new rounds file cannot be used yet'));
    const list = el('ul', 'plain');
    mine.forEach((p) => list.appendChild(el('li', null, (p.line > 0 ? 'Line ' + p.line + ': ' : '')
      + C.sentence(p.message) + '.')));
    box.appendChild(list);
    box.appendChild(el('p', null, 'Correct it in the spreadsheet, save it as CSV UTF-8 again and upload it.'));
    problems.appendChild(box);
    return true;
  }

  function render(draft) {
    const change = draft.changed.find((c) => c.path === FILE);
    const takenOut = !!change && change.change === 'removed';
    const inDraft = !!change && !takenOut;
    remove.hidden = !inDraft;
    const broken = showProblems(draft);
    state.textContent = takenOut
      ? 'The draft takes the uploaded rounds file out: once it is published, the council\'s configured file is used.'
      : inDraft
      ? 'The draft has a new rounds file' + (broken ? ' with a mistake to correct.' : '. Residents get it once the draft is published.')
      : 'The draft uses the rounds in use now.';
    previewForm.hidden = !inDraft || broken;
    if (!inDraft || broken) result.replaceChildren();
    return inDraft && !broken;
  }

  async function preview() {
    const asked = postcodes.value.trim();
    const p = await api('GET', '/content/rounds/preview' + (asked ? '?postcodes=' + encodeURIComponent(asked) : ''));
    result.replaceChildren();
    const plural = (n, one, many) => n + ' ' + (n === 1 ? one : many);
    result.appendChild(el('p', null, 'The new file has ' + plural(p.areas, 'area', 'areas') + ': '
      + plural(p.added, 'new area', 'new areas') + ', ' + plural(p.removed, 'area', 'areas') + ' no longer in it, '
      + plural(p.changed, 'area', 'areas') + ' changed.'));
    if (!p.rows.length) {
      result.appendChild(el('p', 'muted', 'Nothing residents are told changes for the areas in the file.'));
      return;
    }
    const wrap = el('div', 'table-wrap');
    const table = el('table', 'audit');
    table.appendChild(el('caption', null, 'What residents would be told, today'));
    const head = el('tr');
    ['Area or postcode', 'Told now', 'Told with the new file'].forEach((h) => {
      const th = el('th', null, h);
      th.scope = 'col';
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const row of p.rows) {
      const tr = el('tr');
      const th = el('th', null, row.area);
      th.scope = 'row';
      tr.append(th, el('td', null, row.now), el('td', null, row.withNewFile));
      body.appendChild(tr);
    }
    table.appendChild(body);
    wrap.appendChild(table);
    result.appendChild(wrap);
  }

  async function show() {
    if (render(await api('GET', '/content/draft'))) await preview();
  }

  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = chooser.files[0];
    if (!file) {
      C.say('Choose the rounds file first.');
      chooser.focus();
      return;
    }
    if (file.size > MAX_BYTES) {
      C.say('The file is larger than 2 MB: a rounds file can list areas by postcode sector or district to be shorter.');
      return;
    }
    C.say('');
    const text = await file.text();
    if (!text.trim()) {
      C.say('The file is empty.');
      return;
    }
    try {
      const draft = await api('PUT', '/content/draft/file?path=' + encodeURIComponent(FILE), text,
        { type: 'text/plain; charset=UTF-8' });
      C.showDraftCount(draft);
      if (render(draft)) {
        await preview();
        state.textContent = 'Uploaded "' + file.name + '" to the draft. Residents get it once the draft is published.';
      } else {
        problems.querySelector('.error-summary').setAttribute('tabindex', '-1');
        problems.querySelector('.error-summary').focus();
      }
    } catch (e) {
      C.say(e.message);
    }
  });

  remove.addEventListener('click', async () => {
    try {
      const draft = await api('DELETE', '/content/draft/file?path=' + encodeURIComponent(FILE));
      C.showDraftCount(draft);
      render(draft);
      state.textContent = 'Took the new rounds file out of the draft: the rounds in use now stay.';
    } catch (e) {
      C.say(e.message);
    }
  });

  previewForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await preview();
    } catch (e) {
      C.say(e.message);
    }
  });

  C.view('rounds', { section: 'view-rounds', tab: 'rounds', show });
})();
