package org.townhall.bot.conversation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The short satisfaction question after a member of staff closes a conversation they had: a rating
 * from 1 to 5, then an optional comment. Its wording is the council's.
 *
 * @param enabled false: never asked
 * @param answerWithin a message later than this after the close is a new question, not an answer
 * @param question asks for the rating; the quick replies are 1 to 5
 * @param askAgain said once after an answer that is not 1 to 5; a second one drops the question
 * @param commentQuestion after the rating: an optional comment
 * @param skipLabel the quick reply that declines the comment
 * @param thanks after the comment, or after it was declined
 */
@Validated
@ConfigurationProperties("townhall.survey")
public record SurveyProperties(
    boolean enabled,
    @NotNull @DurationMin(seconds = 1) Duration answerWithin,
    @NotBlank @Size(max = 300) String question,
    @NotBlank @Size(max = 300) String askAgain,
    @NotBlank @Size(max = 300) String commentQuestion,
    @NotBlank @Size(max = 40) String skipLabel,
    @NotBlank @Size(max = 300) String thanks) {}
