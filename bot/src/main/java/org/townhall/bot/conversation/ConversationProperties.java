package org.townhall.bot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleTimeout a conversation with the bot closes after this long without a message; one
 *     waiting for or with staff never times out
 * @param idleSweep how often to look for idle conversations
 */
@ConfigurationProperties("townhall.conversation")
record ConversationProperties(Duration idleTimeout, Duration idleSweep) {}
