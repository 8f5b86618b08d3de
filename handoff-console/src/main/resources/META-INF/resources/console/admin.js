// The administration page: a client of /api/console/admin (ADMIN only). Text is set with
// textContent only.
(function () {
  'use strict';
  const message = document.getElementById('admin-message');

  const api = window.ConsoleApi.call;
  const { teamWords } = window.ConsoleWords;

  function say(text) {
    message.textContent = text;
    message.hidden = !text;
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '–' : String(text);
    row.appendChild(td);
  }

  async function loadAudit() {
    try {
      const entries = await api('GET', '/admin/audit?limit=200');
      const body = document.querySelector('#audit tbody');
      body.replaceChildren();
      for (const e of entries) {
        const row = document.createElement('tr');
        cell(row, new Date(e.at).toLocaleString('en-GB'));
        cell(row, e.actor);
        cell(row, e.action);
        // An erased conversation is named by its reference (TH-…) only.
        cell(row, e.conversationId ? (e.conversationId.startsWith('TH-') ? e.conversationId
          : e.conversationId.substring(0, 8)) : null);
        cell(row, e.detail);
        body.appendChild(row);
      }
    } catch (e) {
      say(e.message);
    }
  }

  function duration(seconds) {
    if (seconds == null) return null;
    return seconds < 120 ? seconds + ' s' : Math.round(seconds / 60) + ' min';
  }

  async function loadSafeguarding() {
    try {
      const days = document.getElementById('safeguarding-days').value;
      const figures = await api('GET', '/admin/safeguarding?days=' + encodeURIComponent(days));
      document.getElementById('safeguarding-total').textContent = figures.concerns + ' concerns in the last ' + days
        + ' days.';
      const body = document.querySelector('#safeguarding tbody');
      body.replaceChildren();
      for (const c of figures.categories) {
        const row = document.createElement('tr');
        for (const value of [c.title, c.handoffs, c.signposted, c.raisedAgain, c.marked, c.cleared, c.firstResponses,
          duration(c.firstResponseMedianSeconds), duration(c.firstResponseP90Seconds)]) {
          cell(row, value);
        }
        body.appendChild(row);
      }
    } catch (e) {
      say(e.message);
    }
  }

  async function loadSatisfaction() {
    try {
      const days = document.getElementById('satisfaction-days').value;
      const figures = await api('GET', '/admin/satisfaction?days=' + encodeURIComponent(days));
      document.getElementById('satisfaction-total').textContent = figures.ratings === 0
        ? 'No answers in the last ' + days + ' days.'
        : figures.ratings + ' answers in the last ' + days + ' days, a mean of ' + figures.mean + ' out of 5.';
      const body = document.querySelector('#satisfaction tbody');
      body.replaceChildren();
      const rows = figures.teams.map((t) => [teamWords(t.team), t.ratings, t.mean, t.distribution, t.comments]);
      if (figures.teams.length > 1) {
        rows.push(['All teams', figures.ratings, figures.mean, figures.distribution, figures.comments]);
      }
      for (const [team, ratings, mean, distribution, comments] of rows) {
        const row = document.createElement('tr');
        for (const value of [team, ratings, mean == null ? '–' : mean, ...distribution.map((s) => s.count), comments]) {
          cell(row, value);
        }
        body.appendChild(row);
      }
      const list = document.getElementById('satisfaction-comments');
      list.replaceChildren();
      for (const c of figures.latestComments) {
        const li = document.createElement('li');
        li.textContent = new Date(c.at).toLocaleDateString('en-GB') + ', ' + teamWords(c.team) + ': ' + c.text;
        list.appendChild(li);
      }
      if (!figures.latestComments.length) {
        const li = document.createElement('li');
        li.textContent = 'No comments in this period.';
        list.appendChild(li);
      }
    } catch (e) {
      say(e.message);
    }
  }

  function showPause(state) {
    document.getElementById('pause-state').textContent = state.paused
      ? 'The bot is PAUSED by ' + state.by + ' since ' + new Date(state.since).toLocaleString('en-GB')
        + ': ' + state.reason
      : 'The bot is running.';
    document.getElementById('resume').disabled = !state.paused;
  }

  async function loadPause() {
    try {
      showPause(await api('GET', '/admin/pause'));
    } catch (e) {
      say(e.message);
    }
  }

  const form = document.getElementById('account-form');

  function edit(account) {
    document.getElementById('account-username').value = account.username;
    document.getElementById('account-display-name').value = account.displayName || '';
    document.getElementById('account-password').value = '';
    for (const box of form.querySelectorAll('input[name=role]')) box.checked = account.roles.includes(box.value);
    document.getElementById('account-teams').value = account.teams.join(', ');
    document.getElementById('account-enabled').checked = account.enabled;
    document.getElementById('account-username').focus();
  }

  function rowButton(text, label, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary small';
    button.textContent = text;
    button.setAttribute('aria-label', label);
    button.addEventListener('click', action);
    return button;
  }

  async function resetSecondFactor(account) {
    say('');
    try {
      await api('POST', '/admin/second-factor/reset', { username: account.username });
      say('Reset two-step sign-in of ' + account.username + ': they sign in with their password and can set it up '
        + 'again.');
      loadStaff();
      loadAudit();
    } catch (e) {
      say(e.message);
    }
  }

  function showSecondFactor(requirement) {
    document.getElementById('second-factor-required').checked = requirement.required;
    document.getElementById('second-factor-state').textContent = requirement.required
      ? 'Every account with a password must give a code after it.'
      : 'Only those who set it up give a code after their password.';
  }

  async function loadSecondFactor() {
    try {
      showSecondFactor(await api('GET', '/admin/second-factor'));
    } catch (e) {
      say(e.message);
    }
  }

  async function loadStaff() {
    try {
      const accounts = await api('GET', '/admin/staff');
      const body = document.querySelector('#staff tbody');
      body.replaceChildren();
      for (const a of accounts) {
        const row = document.createElement('tr');
        cell(row, a.username + (a.displayName ? ' (' + a.displayName + ')' : ''));
        cell(row, a.roles.join(', '));
        cell(row, a.teams.length ? a.teams.join(', ') : 'all');
        cell(row, a.enabled ? 'can sign in' : 'disabled');
        cell(row, a.singleSignOn ? 'the council\'s single sign-on'
          : (a.secondFactor ? 'password and authenticator code' : 'password'));
        const td = document.createElement('td');
        td.className = 'row-actions';
        td.appendChild(rowButton('Edit', 'Edit ' + a.username, () => edit(a)));
        if (a.secondFactor) {
          td.appendChild(rowButton('Reset two-step', 'Reset two-step sign-in of ' + a.username, () => resetSecondFactor(a)));
        }
        row.appendChild(td);
        body.appendChild(row);
      }
    } catch (e) {
      say(e.message);
    }
  }

  document.getElementById('pause-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say('');
    try {
      showPause(await api('POST', '/admin/pause', { reason: document.getElementById('pause-reason').value }));
      document.getElementById('pause-reason').value = '';
      loadAudit();
    } catch (e) {
      say(e.message);
    }
  });
  document.getElementById('resume').addEventListener('click', async () => {
    say('');
    try {
      showPause(await api('POST', '/admin/resume'));
      loadAudit();
    } catch (e) {
      say(e.message);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say('');
    try {
      const saved = await api('POST', '/admin/staff', {
        username: document.getElementById('account-username').value.trim(),
        password: document.getElementById('account-password').value,
        roles: [...form.querySelectorAll('input[name=role]:checked')].map((b) => b.value),
        teams: document.getElementById('account-teams').value.split(',').map((t) => t.trim()).filter(Boolean),
        enabled: document.getElementById('account-enabled').checked,
        displayName: document.getElementById('account-display-name').value.trim()
      });
      say('Saved the account ' + saved.username + '.');
      form.reset();
      loadStaff();
      loadAudit();
    } catch (e) {
      say(e.message);
    }
  });
  document.getElementById('second-factor-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    say('');
    try {
      showSecondFactor(await api('POST', '/admin/second-factor',
        { required: document.getElementById('second-factor-required').checked }));
      loadAudit();
    } catch (e) {
      say(e.message);
    }
  });
  // A resident's data: find, export, erase. The query names the resident the way the form found them.
  let residentQuery = null;

  function residentSay(text) {
    document.getElementById('resident-state').textContent = text;
  }

  function showResident(found) {
    const body = document.querySelector('#resident-conversations tbody');
    body.replaceChildren();
    for (const c of found.conversations) {
      const row = document.createElement('tr');
      for (const value of [c.reference, c.state, new Date(c.startedAt).toLocaleString('en-GB'),
        new Date(c.lastChangedAt).toLocaleString('en-GB'), c.lines, c.detailsLeftForReply ? 'Yes' : 'No']) {
        cell(row, value);
      }
      body.appendChild(row);
    }
    document.getElementById('resident-json').href = '/api/console/admin/residents/export?' + residentQuery;
    document.getElementById('resident-html').href = '/api/console/admin/residents/export.html?' + residentQuery;
    document.getElementById('resident-found').hidden = false;
  }

  document.getElementById('resident-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const by = document.querySelector('input[name="resident-by"]:checked').value;
    const id = document.getElementById('resident-id').value.trim();
    document.getElementById('resident-found').hidden = true;
    residentQuery = new URLSearchParams({ [by]: id }).toString();
    try {
      const found = await api('GET', '/admin/residents?' + residentQuery);
      showResident(found);
      residentSay('Found ' + found.conversations.length + (found.conversations.length === 1 ? ' conversation' : ' conversations')
        + (found.telegramChat ? ' of Telegram chat ' + found.telegramChat : '') + '.');
    } catch (e) {
      residentQuery = null;
      residentSay(e.message);
    }
  });

  document.getElementById('resident-erase').addEventListener('click', async () => {
    if (!residentQuery || !window.confirm('Erase everything kept about this resident: their conversations, '
      + 'transcripts, details left for a reply, notes and queued messages? This cannot be undone.')) {
      return;
    }
    try {
      const erased = await api('POST', '/admin/residents/erase?' + residentQuery);
      document.getElementById('resident-found').hidden = true;
      residentQuery = null;
      residentSay('Erased ' + erased.references.join(', ') + ' (' + erased.transcriptLines + ' lines). The audit log '
        + 'keeps who erased it and when, under the reference.');
      loadAudit();
    } catch (e) {
      residentSay(e.message);
    }
  });

  document.getElementById('audit-refresh').addEventListener('click', loadAudit);
  document.getElementById('safeguarding-days').addEventListener('change', loadSafeguarding);
  document.getElementById('satisfaction-days').addEventListener('change', loadSatisfaction);
  loadPause();
  loadSecondFactor();
  loadStaff();
  loadSafeguarding();
  loadSatisfaction();
  loadAudit();
})();
