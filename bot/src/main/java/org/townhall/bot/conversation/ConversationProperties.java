package org.townhall.bot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param idleTimeout a conversation with the bot closes after this long without a message; one
 *     waiting for or with staff never times out
 * @param idleSweep how often to look for idle conversations
 * @param typingNotice how long a resident sees "typing…" after the console last said staff were typing
 */
@ConfigurationProperties("townhall.conversation")
record ConversationProperties(Duration idleTimeout, Duration idleSweep, Duration typingNotice) {}
