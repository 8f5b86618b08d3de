/**
 * Council content packs: the intents with their answers and training phrases, the out-of-scope
 * examples, the signposts to other organisations and the default thresholds, kept as small YAML
 * files that editors change without touching code. {@link org.townhall.nlp.content.ContentPackReader} reads and checks a pack and
 * reports every problem with its file and line ({@link
 * org.townhall.nlp.content.ContentPackException}); the format is described in {@code
 * docs/content-pack.md}.
 */
@NullMarked
package org.townhall.nlp.content;

import org.jspecify.annotations.NullMarked;
