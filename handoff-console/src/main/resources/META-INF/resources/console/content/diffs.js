// Changes between two versions of the content, file by file, as the API gives them (unified diffs,
// as in git), shown for people who do not read diffs: each file under its own name, every added line
// green with a "+" and every removed line red with a "−" (the signs and the hidden words "Added" and
// "Removed" say it without colour), and "Around line 12" where a stretch of changes starts.
(function () {
  'use strict';
  const { el, fileWords, fileAddress, topicOf } = window.ContentConsole;

  function changeWords(change, path) {
    if (change === 'added') return 'added';
    if (change === 'removed') return topicOf(path) ? 'retired' : 'taken out';
    return 'changed';
  }

  function diffLine(kind, sign, words, text) {
    const line = el(kind === 'same' ? 'span' : kind === 'add' ? 'ins' : 'del', 'diff-line ' + kind);
    const mark = el('span', 'sign', sign);
    mark.setAttribute('aria-hidden', 'true');
    line.appendChild(mark);
    if (words) line.appendChild(el('span', 'visually-hidden', words));
    line.appendChild(document.createTextNode(text || ' '));
    return line;
  }

  /** One file's unified diff as lines. */
  function renderDiff(diff) {
    const pre = el('pre', 'diff');
    for (const line of diff.split('\n')) {
      if (line.startsWith('---') || line.startsWith('+++')) continue;
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
      if (hunk) {
        pre.appendChild(el('span', 'diff-line hunk', 'Around line ' + hunk[1]));
      } else if (line.startsWith('+')) {
        pre.appendChild(diffLine('add', '+', 'Added: ', line.slice(1)));
      } else if (line.startsWith('-')) {
        pre.appendChild(diffLine('remove', '−', 'Removed: ', line.slice(1)));
      } else {
        pre.appendChild(diffLine('same', ' ', null, line.slice(1)));
      }
    }
    return pre;
  }

  /** Every changed file, each open to read with a link to where it is edited; emptyText when none. */
  function renderChanges(container, changes, known, emptyText) {
    container.replaceChildren();
    if (!changes || !changes.length) {
      container.appendChild(el('p', 'muted', emptyText || 'No changes.'));
      return;
    }
    for (const change of changes) {
      const details = el('details', 'file-change');
      details.open = changes.length <= 6;
      const summary = el('summary');
      summary.appendChild(el('strong', null, fileWords(change.path, known)));
      summary.appendChild(document.createTextNode(' ' + changeWords(change.change, change.path) + ' '));
      summary.appendChild(el('span', 'muted', '(' + change.path + ')'));
      details.appendChild(summary);
      if (change.change !== 'removed') {
        const open = el('a', 'edit-link', 'Edit ' + fileWords(change.path, known));
        open.href = fileAddress(change.path);
        details.appendChild(open);
      }
      details.appendChild(renderDiff(change.diff));
      container.appendChild(details);
    }
  }

  window.ContentDiffs = { renderChanges, renderDiff };
})();
