/**
 * The web chat channel: a public JSON API under {@code /api/webchat} that councils embed on their
 * own sites (documented in the README and kept stable), and the chat page at {@code /}. Each
 * conversation has a bearer token; only its hash is stored.
 */
package org.townhall.bot.channel.webchat;
