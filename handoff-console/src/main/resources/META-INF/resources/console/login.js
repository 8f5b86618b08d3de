// Puts the CSRF token (from the XSRF-TOKEN cookie the server sets) into the sign-in form.
(function () {
  'use strict';
  const cookie = window.ConsoleApi.cookie;
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('login-message');
  if (params.has('error')) {
    message.textContent = 'The user name or password is wrong.';
    message.hidden = false;
  } else if (params.has('signed-out')) {
    message.textContent = 'You have signed out.';
    message.hidden = false;
  } else if (params.has('expired')) {
    message.textContent = 'That took too long. Please sign in again.';
    message.hidden = false;
  }
})();
