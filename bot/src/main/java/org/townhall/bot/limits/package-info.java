/**
 * Rate limits: conversation starts per client address, resident messages per conversation (web chat)
 * and per chat (Telegram), staff sign-in attempts per user name and per address. The public face is
 * {@link org.townhall.bot.limits.RateLimits} and {@link org.townhall.bot.limits.Limit}. Token buckets
 * (Bucket4j) in memory with {@code townhall.store=memory}, in Redis with {@code townhall.store=redis},
 * so that every instance shares them. Who is limited (an address, a user name, a chat id) is only
 * ever kept as its SHA-256 hash.
 */
package org.townhall.bot.limits;
