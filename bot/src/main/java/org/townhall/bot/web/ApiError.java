package org.townhall.bot.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of every API error: one sentence for the person using the client.
 *
 * @param error what was wrong and, where it helps, what to send instead
 */
@Schema(description = "Every error: a 4xx (or 503) status and one sentence.")
public record ApiError(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "text: must not be empty.") String error) {}
