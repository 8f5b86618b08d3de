// Puts the CSRF token (from the XSRF-TOKEN cookie the server sets) into the sign-in form.
(function () {
  'use strict';
  function cookie(name) {
    const match = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : '';
  }
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  const params = new URLSearchParams(location.search);
  const message = document.getElementById('login-message');
  if (params.has('error')) {
    message.textContent = 'The user name or password is wrong.';
    message.hidden = false;
  } else if (params.has('signed-out')) {
    message.textContent = 'You have signed out.';
    message.hidden = false;
  }
})();
