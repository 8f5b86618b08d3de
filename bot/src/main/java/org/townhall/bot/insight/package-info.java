/**
 * Insight for managers: figures about conversations (contacts, containment, escalations by reason,
 * "Did that help?" by topic, response and handling times, abandonment, wrap-up codes, load per team
 * and member of staff, top, trending and repeat topics) for a chosen period, channel and team.
 * Counted as conversations happen, from {@link org.townhall.bot.conversation.ConversationUpdated}
 * and {@link org.townhall.bot.conversation.ResidentNotServed}, into per-day counters in the
 * configured store; figures never re-read transcripts and counters hold no personal data. The
 * public face is {@link org.townhall.bot.insight.Insight}. Keys and their cost: docs/insight.md.
 */
package org.townhall.bot.insight;
