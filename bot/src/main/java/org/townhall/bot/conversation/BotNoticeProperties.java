package org.townhall.bot.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What every conversation starts with besides the welcome, on every channel: that the resident is
 * talking to a computer program, not a person, and where the council's privacy notice for the chat
 * is (UK GDPR articles 13 and 14; the Algorithmic Transparency Recording Standard asks the same).
 *
 * @param text the sentence, said after the welcome, with the address on the next line
 * @param privacyNoticeUrl the council's privacy notice for the chat: an https address
 */
@Validated
@ConfigurationProperties("townhall.bot-notice")
public record BotNoticeProperties(
    @NotBlank @Size(max = 300) String text,
    // https only: the chat page and Telegram turn it into a link, and nothing else may become one.
    @NotNull @Pattern(regexp = "https://[^\\s\"'<>()]+", message = "must be an https address")
    String privacyNoticeUrl) {

  /** The notice as the bot says it: the sentence, then the address on a line of its own. */
  public String spoken() {
    return text.strip() + "\n" + privacyNoticeUrl;
  }
}
