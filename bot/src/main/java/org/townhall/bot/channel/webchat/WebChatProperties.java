package org.townhall.bot.channel.webchat;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxTextLength longest message accepted, in characters; longer ones get a 400
 */
@Validated
@ConfigurationProperties("townhall.webchat")
record WebChatProperties(@Positive int maxTextLength) {}
