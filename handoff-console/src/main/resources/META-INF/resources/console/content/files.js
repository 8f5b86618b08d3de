// Other files: the rest of the pack (signposts, out of scope, safeguarding, settings) edited as text.
// Saving puts the file into the draft and lists this file's problems by line; choosing one puts the
// cursor on that line.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const HINTS = {
    'signposts.yml': 'Where the bot sends residents whom the council cannot help (a gas leak, a power cut, a '
      + 'passport). Each entry has an id, the text, an optional link, "emergency: true" for life safety, and '
      + '"when" lines of words a message must hold.',
    'out-of-scope.yml': 'Messages the council does not handle, each on a line starting "  - ". The bot learns '
      + 'not to answer them as one of the council\'s topics.',
    'pack.yml': 'The content\'s name and language, and how sure the bot must be before it answers (answer) or '
      + 'asks which topic the resident means (clarify), from 0 to 1.'
  };
  const SAFEGUARDING_HINT = 'How the bot recognises a resident in danger and what help it gives first. Change '
    + 'it with care: ask the council\'s safeguarding lead to check every change before it is published.';

  const list = document.getElementById('file-list');
  const form = document.getElementById('file-form');
  const text = document.getElementById('file-text');
  const saved = document.getElementById('file-saved');
  let path = null;

  async function renderList() {
    const files = await api('GET', '/content/draft/files');
    list.replaceChildren();
    for (const file of files.filter((f) => !C.topicOf(f.path))) {
      const li = el('li');
      const link = el('a', null, C.fileWords(file.path));
      link.href = C.fileAddress(file.path);
      if (file.path === path) link.setAttribute('aria-current', 'page');
      li.append(link, ' ', el('span', 'muted', file.path));
      list.appendChild(li);
    }
    list.appendChild(el('li', 'muted', 'Topics are changed on the Topics page.'));
  }

  /** Puts the cursor at the start of line (1-based) and shows it. */
  function goToLine(line) {
    const lines = text.value.split('\n');
    const at = lines.slice(0, Math.max(0, line - 1)).reduce((sum, l) => sum + l.length + 1, 0);
    text.focus();
    text.setSelectionRange(at, at + (lines[line - 1] || '').length);
    const lineHeight = text.scrollHeight / Math.max(1, lines.length);
    text.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  /** This file's problems, each a button to its line; a word about the rest of the draft's. */
  function showProblems(draft) {
    const box = document.getElementById('file-problems');
    box.replaceChildren();
    const mine = (draft.problems || []).filter((p) => p.file === path);
    if (mine.length) {
      const summary = el('div', 'error-summary');
      summary.appendChild(el('h3', null, mine.length === 1 ? 'One problem to fix in this file'
        : mine.length + ' problems to fix in this file'));
      const items = el('ul', 'plain');
      for (const p of mine) {
        const li = el('li');
        const words = (p.line > 0 ? 'Line ' + p.line + ': ' : '') + C.problemWords(p.message);
        if (p.line > 0) {
          const jump = el('button', 'link-button', words);
          jump.type = 'button';
          jump.addEventListener('click', () => goToLine(p.line));
          li.appendChild(jump);
        } else {
          li.textContent = words;
        }
        items.appendChild(li);
      }
      summary.appendChild(items);
      box.appendChild(summary);
    }
    const others = (draft.problems || []).length - mine.length;
    if (others) {
      box.appendChild(el('p', null, 'The draft has ' + others + (others === 1 ? ' problem' : ' problems')
        + ' in other files: see Draft and publish.'));
    }
  }

  let openedTag = null; // the file as this editor opened it: a save is refused if someone changed it since

  async function show(chosen) {
    path = chosen || null;
    saved.textContent = '';
    document.getElementById('file-problems').replaceChildren();
    await renderList();
    form.hidden = !path;
    if (!path) return;
    document.getElementById('file-label').textContent = C.fileWords(path) + ' (' + path + ')';
    document.getElementById('file-hint').textContent = HINTS[path]
      || (path.startsWith('safeguarding') ? SAFEGUARDING_HINT : 'Part of the content, as text.');
    const read = await api('GET', '/content/draft/file?path=' + encodeURIComponent(path), undefined,
      { text: true, withTag: true });
    text.value = read.data;
    openedTag = read.tag;
    showProblems(await api('GET', '/content/draft'));
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!path) return;
    saved.textContent = '';
    if (!text.value.trim()) {
      C.say('The file cannot be empty.');
      text.focus();
      return;
    }
    const save = document.getElementById('file-save');
    save.disabled = true;
    saved.textContent = 'Saving and checking the draft…';
    try {
      const answer = await api('PUT', '/content/draft/file?path=' + encodeURIComponent(path), text.value,
        { type: 'text/plain; charset=UTF-8', ifMatch: openedTag, withTag: true });
      openedTag = answer.tag;
      const draft = answer.data;
      C.forgetTitles();
      C.showDraftCount(draft);
      showProblems(draft);
      const mine = (draft.problems || []).filter((p) => p.file === path).length;
      saved.textContent = mine ? 'Saved to the draft, with problems to fix before it can be published (below).'
        : 'Saved to the draft. Residents get it once the draft is published.';
    } catch (e) {
      saved.textContent = '';
      C.say(e.message + (e.status === 412 ? ' Your text is still in the box: copy what you need first.' : ''));
    } finally {
      save.disabled = false;
    }
  });

  C.view('files', { section: 'view-files', tab: 'files', show: () => show('') });
  C.view('file', { section: 'view-files', tab: 'files', show });
})();
