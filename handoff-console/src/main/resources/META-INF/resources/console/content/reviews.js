// "Due for review" on the Topics page: the draft's answers overdue, due soon or with no review-by date,
// overdue first, as GET /content/reviews lists them. Dates are written in words and the status in text
// ("Overdue by 3 days"), never by colour alone; each topic links to its form, where a new review-by
// date marks it reviewed.
(function () {
  'use strict';
  const C = window.ContentConsole;
  const { api, el } = C;
  const { teamWords } = window.ConsoleWords;

  const state = document.getElementById('reviews-state');
  const wrap = document.getElementById('reviews-wrap');
  const body = document.querySelector('#reviews-table tbody');
  const caption = document.getElementById('reviews-caption');

  /** "2026-12-20" reads "20 December 2026" (a calendar date: no time zone may move it a day). */
  function dateWords(iso) {
    const [year, month, day] = iso.split('-').map(Number);
    return new Date(year, month - 1, day).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  }

  function days(n) {
    return n === 1 ? '1 day' : n + ' days';
  }

  function statusWords(answer) {
    if (answer.status === 'overdue') return 'Overdue by ' + days(-answer.days);
    if (answer.status === 'no date') return 'No review-by date';
    return answer.days === 0 ? 'Due today' : 'Due in ' + days(answer.days);
  }

  function row(answer) {
    const tr = el('tr');
    const topic = el('td');
    const link = el('a', null, answer.title);
    link.href = '#topic/' + encodeURIComponent(answer.intent);
    topic.appendChild(link);
    const status = el('td');
    status.appendChild(el('span', 'review-status ' + answer.status.replace(' ', '-'), statusWords(answer)));
    const source = el('td');
    if (answer.source) {
      const page = el('a', 'code', answer.source.replace(/^https:\/\//, ''));
      page.href = answer.source;
      page.rel = 'noreferrer';
      source.appendChild(page);
    } else {
      source.appendChild(el('span', 'muted', 'None given'));
    }
    tr.append(topic, status, el('td', null, answer.by ? dateWords(answer.by) : '–'),
      el('td', null, teamWords(answer.owner)), source);
    return tr;
  }

  async function show() {
    body.replaceChildren();
    state.textContent = 'Looking for answers due for review…';
    let reviews;
    try {
      reviews = await api('GET', '/content/reviews');
    } catch (e) {
      wrap.hidden = true;
      state.textContent = e.data && e.data.problems
        ? 'The draft has problems, so the answers due for review cannot be listed until they are fixed.'
        : 'Cannot list the answers due for review: ' + e.message;
      return;
    }
    const overdue = reviews.answers.filter((a) => a.status === 'overdue').length;
    caption.textContent = 'Answers overdue, due within ' + days(reviews.within) + ' or with no review-by date, '
      + 'in the draft on ' + dateWords(reviews.today) + ', overdue first';
    reviews.answers.forEach((a) => body.appendChild(row(a)));
    wrap.hidden = !reviews.answers.length;
    state.textContent = !reviews.answers.length
      ? 'No answer is due for review in the next ' + days(reviews.within) + '.'
      : reviews.answers.length + (reviews.answers.length === 1 ? ' answer' : ' answers') + ' to review, '
        + overdue + ' overdue.';
  }

  window.ContentReviewList = { show };
})();
