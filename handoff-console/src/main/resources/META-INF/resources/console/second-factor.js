// Two-step sign-in from the console: a member of staff with a password adds Townhall to an authenticator
// app (a secret shown once, as a QR code and as text) and confirms it with the app's first code.
(function () {
  'use strict';
  const api = window.ConsoleApi.call;
  const open = document.getElementById('second-factor-open');
  const dialog = document.getElementById('second-factor');
  const message = document.getElementById('second-factor-message');
  const secret = document.getElementById('second-factor-secret');

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  async function showStatus() {
    try {
      const status = await api('GET', '/me/second-factor');
      open.hidden = !status.available || status.enrolled;
    } catch (e) { /* the button stays hidden */ }
  }

  open.addEventListener('click', async () => {
    say('');
    secret.hidden = true;
    dialog.showModal();
    try {
      const offer = await api('POST', '/me/second-factor/enrolment');
      document.getElementById('second-factor-qr').src = offer.qrCode;
      document.getElementById('second-factor-key').textContent = offer.secret.replace(/(.{4})/g, '$1 ').trim();
      secret.hidden = false;
      document.getElementById('second-factor-code').focus();
    } catch (e) {
      say(e.message);
    }
  });

  document.getElementById('second-factor-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('POST', '/me/second-factor', { code: document.getElementById('second-factor-code').value });
      secret.hidden = true;
      say('Two-step sign-in is on. From your next sign-in, Townhall asks for a code after your password.');
      open.hidden = true;
      document.getElementById('second-factor-close').focus();
    } catch (e) {
      say(e.message);
    }
  });

  showStatus();
})();
