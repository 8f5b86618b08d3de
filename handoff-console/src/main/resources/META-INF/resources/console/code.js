// The one-time code page, after a right password: the code from the authenticator app, and first the
// app's set-up when the council requires a second factor and this person has not set one up yet.
(function () {
  'use strict';
  const cookie = window.ConsoleApi.cookie;
  const message = document.getElementById('code-message');
  if (new URLSearchParams(location.search).has('error')) {
    message.textContent = 'That code is not right, or was used already. Wait for the next code and try again.';
    message.hidden = false;
  }
  fetch('/api/console/sign-in/code', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then((response) => response.json())
    .then((page) => {
      if (!page.waiting) {
        location.href = '/console/login.html?expired';
        return;
      }
      // Read after the page's own request, which may have set the session's first token.
      document.getElementById('csrf').value = cookie('XSRF-TOKEN');
      if (page.enrolment) {
        document.getElementById('enrol-qr').src = page.enrolment.qrCode;
        document.getElementById('enrol-secret').textContent = page.enrolment.secret.replace(/(.{4})/g, '$1 ').trim();
        document.getElementById('enrol-uri').textContent = page.enrolment.uri;
        document.getElementById('code-label').textContent = 'Then the code the app shows for Townhall';
        document.getElementById('enrol').hidden = false;
      }
    })
    .catch(() => {
      message.textContent = 'The page could not reach the server. Please reload it.';
      message.hidden = false;
    });
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
})();
