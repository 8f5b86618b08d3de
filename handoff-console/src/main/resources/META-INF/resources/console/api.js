// The console's one way to call the bot's /api/console: the session cookie, the CSRF header on
// changes, a signed-out session sent to the login page, and errors as Error(message) with .status.
// Shared by the console, the administration, the content and the sign-in pages (which read only the cookie).
(function () {
  'use strict';

  function cookie(name) {
    const match = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
    return match ? decodeURIComponent(match.substring(name.length + 1)) : '';
  }

  /**
   * Calls /api/console{path}. The body goes as JSON, unless options.type names another kind (then
   * it is sent as it is: text, or a file's bytes); options.text reads the answer as text. A refusal
   * throws Error(message) with .status, and .data (the whole answer, e.g. its problems).
   * options.ifMatch (an ETag) or options.ifNoneMatch ('*') make a change conditional on what was read;
   * options.withTag answers { data, tag } with the answer's ETag.
   */
  async function call(method, path, body, options = {}) {
    const headers = { 'Accept': options.text ? 'text/plain, application/json' : 'application/json' };
    if (method !== 'GET') headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
    if (body !== undefined) headers['Content-Type'] = options.type || 'application/json';
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    if (options.ifNoneMatch) headers['If-None-Match'] = options.ifNoneMatch;
    const response = await fetch('/api/console' + path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : options.type ? body : JSON.stringify(body)
    });
    if (response.status === 401) {
      location.href = '/console/login.html';
      throw new Error('Signed out');
    }
    const tagged = (data) => (options.withTag ? { data, tag: response.headers.get('ETag') } : data);
    if (options.text && response.ok) return tagged(await response.text());
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      const err = new Error(data.error || 'That did not work. Please try again.');
      err.status = response.status;
      err.data = data;
      throw err;
    }
    return tagged(data);
  }

  window.ConsoleApi = { cookie, call };
})();
