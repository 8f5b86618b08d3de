/**
 * Learning from residents: the editors' inbox of messages the bot did not serve well (not
 * understood, clarified, "Did that help? — No", handed to a person), kept redacted, grouped by
 * near-duplicates, and decided by an editor a group at a time: a training phrase for an intent, an
 * out-of-scope example, or dismissed. Decisions are kept, so a message like one decided before is
 * not asked about again. The public face is {@link org.townhall.bot.learning.Inbox}.
 */
package org.townhall.bot.learning;
