/**
 * Where the bot's shared data lives, chosen by {@code townhall.store}: in memory (the embedded
 * default) or Redis (production, several bot instances). Staff data ({@link
 * org.townhall.bot.store.StaffStore}), messaging channels' queues ({@link
 * org.townhall.bot.store.ChannelQueues}) and staff sign-in sessions are kept here; a feature that keeps
 * its own records in Redis (conversations) does so through {@link org.townhall.bot.store.RedisAccess},
 * which gives it the client, key prefix, JSON form, lease lock and one meaning for Redis failures.
 */
package org.townhall.bot.store;
