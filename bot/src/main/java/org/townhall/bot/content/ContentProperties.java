package org.townhall.bot.content;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the council's content comes from.
 *
 * @param packDir a content pack folder; when null, the built-in demo council pack
 */
@ConfigurationProperties("townhall.content")
record ContentProperties(Path packDir) {}
