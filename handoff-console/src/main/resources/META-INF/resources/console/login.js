// The sign-in page: the CSRF token (from the XSRF-TOKEN cookie the server sets) into the form, the
// council's identity provider's button when single sign-on is on, and why the last attempt did not work.
(function () {
  'use strict';
  const cookie = window.ConsoleApi.cookie;
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('login-message');
  let provider = 'your council account';

  // Why the council's identity provider's sign-in was refused (SingleSignOnRefused's codes).
  const refusals = {
    'no-role': (p) => 'You signed in with ' + p + ', but your account has no role in the Townhall staff console, so '
      + 'you have not been signed in. Ask your administrator to give you a Townhall role.',
    'no-username': (p) => p + ' did not give a user name Townhall can use, so you have not been signed in. Ask your '
      + 'administrator to check the single sign-on settings.',
    'local-account': (p) => 'Your ' + p + ' user name belongs to a Townhall account with a password, so you have not '
      + 'been signed in. Sign in with that password, or ask your administrator.',
    'disabled': () => 'Your Townhall account is disabled, so you have not been signed in. Ask your administrator.'
  };

  function explain() {
    let text = '';
    if (params.has('error')) {
      text = 'The user name or password is wrong.';
    } else if (params.has('signed-out')) {
      text = 'You have signed out.';
    } else if (params.has('expired')) {
      text = 'That took too long. Please sign in again.';
    } else if (params.has('provider-failed')) {
      text = 'Signing in with ' + provider + ' did not work. Please try again.';
    } else if (refusals[params.get('refused')]) {
      text = refusals[params.get('refused')](provider);
    }
    message.textContent = text;
    message.hidden = !text;
  }

  explain();
  fetch('/api/console/sign-in', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : null))
    .then((options) => {
      if (!options) return;
      if (options.singleSignOn) {
        provider = options.singleSignOn.name;
        const link = document.getElementById('provider-sign-in');
        link.textContent = 'Sign in with ' + provider;
        link.href = options.singleSignOn.url;
        document.getElementById('provider').hidden = false;
        document.getElementById('or').hidden = !options.passwords;
        explain();
      }
      if (!options.passwords) {
        document.getElementById('login-form').hidden = true;
      }
    })
    .catch(() => { /* the password form still works */ });
})();
