/**
 * Who may do what: staff sign in with a form (session cookie, CSRF-protected); the web chat API
 * is public and authorised per conversation by its bearer token instead. Roles: AGENT (works the
 * queue), EDITOR (changes content), ADMIN (all of it, and staff accounts).
 */
package org.townhall.bot.security;
