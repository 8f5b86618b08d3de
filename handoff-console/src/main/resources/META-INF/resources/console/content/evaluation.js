// The check before publishing (GET/POST /content/evaluation): started in the background as soon as the
// Draft view shows a draft, with a progress bar while the models train, then the figures in words:
// overall, topic by topic, topics newly mixed up, the test messages the draft now gets wrong, and
// whether it passes. When it blocks the draft, an administrator may publish it anyway with a reason
// (the override field of the publish form, shown only to them).
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;

  const state = document.getElementById('evaluation-state');
  const progressField = document.getElementById('evaluation-progress-field');
  const progress = document.getElementById('evaluation-progress');
  const again = document.getElementById('evaluate');
  const result = document.getElementById('evaluation-result');
  const overrideField = document.getElementById('override-field');
  const override = document.getElementById('publish-override');
  let polling = null;
  let shownFor = null;

  function percent(x) {
    return (100 * x).toFixed(1).replace(/\.0$/, '') + '%';
  }

  function label(id, known) {
    if (id === 'oos') return 'not the council\'s business (out of scope)';
    return '"' + ((known && known.get(id)) || id) + '"';
  }

  function table(caption, headings, rows) {
    const wrap = el('div', 'table-wrap');
    const t = el('table', 'audit');
    t.appendChild(el('caption', 'visually-hidden', caption));
    const head = el('tr');
    headings.forEach((h) => {
      const th = el('th', null, h);
      th.scope = 'col';
      head.appendChild(th);
    });
    t.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach((cells) => {
      const tr = el('tr');
      cells.forEach((c, i) => tr.appendChild(el('td', i > 0 && typeof c !== 'string' ? 'number' : null,
        typeof c === 'number' ? String(c) : c)));
      body.appendChild(tr);
    });
    t.appendChild(body);
    wrap.appendChild(t);
    return wrap;
  }

  function renderDone(evaluation, known, admin) {
    result.replaceChildren();
    if (!evaluation.steps) {
      state.textContent = 'Nothing to check: the draft matches residents\' words to topics exactly as the live '
        + 'version does (only answers, links, teams or settings changed).';
      result.hidden = true;
      overrideField.hidden = true;
      return;
    }
    state.textContent = 'Checked ' + C.when(evaluation.finishedAt) + '.';
    result.appendChild(el('p', null, 'Phrases understood, each part held back in turn: ' + percent(evaluation.accuracyBefore)
      + ' with the live version, ' + percent(evaluation.accuracyAfter) + ' with the draft.'));
    if (evaluation.intentsWorse.length) {
      result.appendChild(el('h4', null, 'Topics understood less well'));
      result.appendChild(table('Topics understood less well with the draft', ['Topic', 'Now', 'With the draft'],
        evaluation.intentsWorse.map((c) => [label(c.intent, known), percent(c.before), percent(c.after)])));
    }
    if (evaluation.intentsBetter.length) {
      const details = el('details');
      details.appendChild(el('summary', null, evaluation.intentsBetter.length === 1 ? 'One topic understood better'
        : evaluation.intentsBetter.length + ' topics understood better'));
      details.appendChild(table('Topics understood better with the draft', ['Topic', 'Now', 'With the draft'],
        evaluation.intentsBetter.map((c) => [label(c.intent, known), percent(c.before), percent(c.after)])));
      result.appendChild(details);
    }
    if (evaluation.confusable.length) {
      result.appendChild(el('h4', null, 'Topics mixed up more often'));
      const list = el('ul');
      evaluation.confusable.forEach((c) => list.appendChild(el('li', null, C.sentence(label(c.truth, known)
        + ' taken for ' + label(c.takenFor, known) + ': ' + c.before + ' times now, ' + c.after + ' with the draft'))));
      result.appendChild(list);
    }
    if (evaluation.tests.length) {
      result.appendChild(el('h4', null, 'Test messages'));
      result.appendChild(table('Test messages kept with the content', ['File', 'Messages', 'Right now',
        'Right with the draft', 'Now wrong'], evaluation.tests.map((t) => [t.name, t.measured,
        percent(t.accuracyBefore), percent(t.accuracyAfter), t.regressions])));
      for (const t of evaluation.tests) {
        if (t.skipped) {
          result.appendChild(el('p', 'hint', t.name + ': ' + t.skipped + (t.skipped === 1 ? ' message names a topic'
            : ' messages name topics') + ' the draft no longer has, so ' + (t.skipped === 1 ? 'it was' : 'they were')
            + ' not checked.'));
        }
        if (!t.shown.length) continue;
        const details = el('details');
        details.appendChild(el('summary', null, 'What the draft now gets wrong in ' + t.name + ' ('
          + (t.regressions > t.shown.length ? 'the first ' + t.shown.length + ' of ' : '') + t.regressions + ')'));
        const list = el('ul', 'regressions');
        t.shown.forEach((r) => list.appendChild(el('li', null, '"' + r.text + '": should be ' + label(r.expected, known)
          + '; with the draft, ' + label(r.after, known))));
        details.appendChild(list);
        result.appendChild(details);
      }
    }
    const verdict = el('p', evaluation.passes ? 'verdict' : 'verdict blocked', evaluation.passes
      ? 'The check passes: the draft can be published.'
      : 'The check blocks publishing: ' + evaluation.why + '. ' + (admin
        ? 'As an administrator you can publish it anyway, giving a reason below.'
        : 'Change the draft, or ask an administrator to publish it anyway.'));
    result.appendChild(verdict);
    result.hidden = false;
    overrideField.hidden = evaluation.passes || !admin;
  }

  function render(evaluation, known, admin) {
    const running = evaluation && evaluation.state === 'running';
    progressField.hidden = !running;
    // Checking the same draft again gives the same answer: offered only when there is none.
    again.hidden = !(evaluation && evaluation.state === 'failed');
    if (!evaluation || !evaluation.state) {
      state.textContent = 'Not checked yet.';
      result.hidden = true;
      overrideField.hidden = true;
    } else if (running) {
      progress.max = evaluation.steps;
      progress.value = evaluation.step;
      progress.textContent = evaluation.step + ' of ' + evaluation.steps;
      state.textContent = 'Checking the draft: step ' + evaluation.step + ' of ' + evaluation.steps
        + '. This takes a minute or two; you can go on working meanwhile.';
      result.hidden = true;
    } else if (evaluation.state === 'failed') {
      state.textContent = 'The check could not be finished: ' + evaluation.why + '. Check the draft again.';
      result.hidden = true;
      overrideField.hidden = true;
    } else {
      renderDone(evaluation, known, admin);
    }
  }

  async function follow(evaluation) {
    const known = await C.topicTitles();
    const admin = C.isAdmin();
    render(evaluation, known, admin);
    clearTimeout(polling);
    if (evaluation && evaluation.state === 'running') {
      polling = setTimeout(async () => {
        if (document.getElementById('view-draft').hidden) return; // looked at again when the view shows
        try {
          const next = await api('GET', '/content/evaluation');
          // Another editor changed the draft meanwhile: that draft is checked instead.
          follow(next && next.state ? next : await api('POST', '/content/evaluation'));
        } catch (e) {
          state.textContent = 'Cannot follow the check: ' + e.message;
        }
      }, 1000);
    }
  }

  /** Shows the check of this draft, starting it when none was made (nothing to check: no draft). */
  async function show(draft) {
    shownFor = draft;
    if (!draft.changed.length) {
      clearTimeout(polling);
      document.getElementById('evaluation').hidden = true;
      overrideField.hidden = true;
      return;
    }
    document.getElementById('evaluation').hidden = false;
    if (draft.problems.length) {
      clearTimeout(polling);
      render(null);
      state.textContent = 'The draft is checked once its problems (above) are fixed.';
      return;
    }
    let evaluation = await api('GET', '/content/evaluation');
    if (!evaluation || !evaluation.state) evaluation = await api('POST', '/content/evaluation');
    await follow(evaluation);
  }

  again.addEventListener('click', async () => {
    try {
      await follow(await api('POST', '/content/evaluation'));
    } catch (e) {
      C.say(e.message);
    }
  });

  window.ContentEvaluation = {
    show,
    /** The administrator's reason to publish despite the check, or null. */
    overrideReason: () => (overrideField.hidden ? null : override.value.trim() || null),
    clearOverride: () => { override.value = ''; },
    refresh: () => (shownFor ? show(shownFor) : Promise.resolve())
  };
})();
