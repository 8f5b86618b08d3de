package org.townhall.bot.channel.webchat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxTextLength longest message accepted, in characters; longer ones get a 400
 */
@ConfigurationProperties("townhall.webchat")
record WebChatProperties(int maxTextLength) {}
