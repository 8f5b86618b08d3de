// Human words for the API's codes, shared by the console's pages: staff read "Council tax" and "91%",
// never council-tax or 0.91.
(function () {
  'use strict';

  /** "council-tax" reads "Council tax". */
  function teamWords(team) {
    if (!team) return team;
    const words = team.replace(/[-_]+/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** A classifier's confidence (0–1) as a whole percentage. */
  function percent(confidence) {
    return Math.round(confidence * 100) + '%';
  }

  window.ConsoleWords = { teamWords, percent };
})();
