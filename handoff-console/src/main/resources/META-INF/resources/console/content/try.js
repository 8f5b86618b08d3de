// Try a sentence: what the bot does with it now and with the draft, side by side. The draft's models
// are made on the server the first time it is tried after a change ("preparing"): the page says so and
// asks again every second until they are ready.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const { percent } = window.ConsoleWords;
  const DOES = { answer: 'Answers', 'ask which': 'Not sure: asks which topic the resident means',
    'not understood': 'Does not understand: asks the resident to say it another way, then offers a person' };

  const form = document.getElementById('try-form');
  const text = document.getElementById('try-text');
  const state = document.getElementById('try-state');
  const results = document.getElementById('try-results');
  let attempt = 0;

  function fact(list, term, value) {
    list.append(el('dt', null, term), el('dd', null, value === null || value === undefined || value === '' ? '–' : value));
  }

  function showReading(list, reading, known) {
    list.replaceChildren();
    fact(list, 'What the bot does', DOES[reading.does] || reading.does);
    fact(list, 'Topic', reading.title || 'None of the council\'s topics');
    fact(list, 'Confidence', percent(reading.confidence));
    if (reading.answer) fact(list, 'Answer', reading.answer);
    if (reading.quickReplies && reading.quickReplies.length) fact(list, 'Quick replies', reading.quickReplies.join(' · '));
    if (reading.alsoLikely && reading.alsoLikely.length) {
      fact(list, reading.does === 'ask which' ? 'Also offered' : 'Next most likely',
        reading.alsoLikely.map((id) => known.get(id) || id).join(' · '));
    }
  }

  function showNote(list, note) {
    list.replaceChildren(el('dt', null, 'With the draft'), el('dd', null, note));
  }

  async function tryIt(sentence) {
    const mine = ++attempt;
    state.textContent = 'Trying…';
    for (;;) {
      const trial = await api('POST', '/content/try', { text: sentence });
      if (mine !== attempt) return; // a newer sentence replaced this one
      const known = await C.topicTitles();
      document.getElementById('try-live-title').textContent = 'Live now (version ' + trial.liveVersion + ')';
      showReading(document.getElementById('try-live'), trial.live, known);
      results.hidden = false;
      if (trial.draftState === 'ready') {
        showReading(document.getElementById('try-draft'), trial.draft, known);
        state.textContent = 'Done: live and draft side by side.';
        return;
      }
      if (trial.draftState === 'broken') {
        showNote(document.getElementById('try-draft'), 'The draft has problems to fix before it can be tried: see '
          + 'Draft and publish.');
        state.textContent = 'The draft cannot be tried yet.';
        return;
      }
      showNote(document.getElementById('try-draft'), 'Preparing the draft…');
      state.textContent = 'Preparing the draft so it can be tried (up to a minute after a change)…';
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (mine !== attempt) return;
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sentence = text.value.trim();
    if (!sentence) {
      state.textContent = 'Write a sentence first.';
      text.focus();
      return;
    }
    try {
      await tryIt(sentence);
    } catch (e) {
      state.textContent = '';
      C.say(e.message);
    }
  });

  C.view('try', { section: 'view-try', tab: 'try', show: async () => {} });
})();
