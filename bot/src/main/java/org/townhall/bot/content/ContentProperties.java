package org.townhall.bot.content;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the council's content comes from.
 *
 * @param packDir a content pack folder; when null, the built-in demo council pack
 * @param modelCache where models trained from the pack are kept between starts (keyed by a hash of
 *     what they were trained on); when null, every start trains them again
 */
@ConfigurationProperties("townhall.content")
record ContentProperties(Path packDir, Path modelCache) {}
