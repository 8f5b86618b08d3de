/**
 * Who may do what: staff sign in with a password (and, if they set one up or an administrator requires
 * it, a code from an authenticator app) or through the council's identity provider with OpenID Connect;
 * either way they get the same session cookie (CSRF-protected) and the same checks against their account.
 * The web chat API is public and authorised per conversation by its bearer token instead. Roles: AGENT
 * (works the queue), SUPERVISOR (the team's load), EDITOR (changes content), ADMIN (all of it, and staff
 * accounts), MANAGER (reads the insight figures, nothing else).
 */
package org.townhall.bot.security;
