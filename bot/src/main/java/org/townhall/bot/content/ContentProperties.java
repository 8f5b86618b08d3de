package org.townhall.bot.content;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the council's content comes from.
 *
 * @param packDir a content pack folder; when null, the built-in demo council pack
 * @param modelCache where models trained from the pack are kept between starts (keyed by a hash of
 *     what they were trained on); when null, every start trains them again
 * @param followEvery how often each instance looks for a version published on another instance
 */
@Validated
@ConfigurationProperties("townhall.content")
record ContentProperties(Path packDir, Path modelCache, @NotNull @DurationMin(millis = 100) Duration followEvery) {}
