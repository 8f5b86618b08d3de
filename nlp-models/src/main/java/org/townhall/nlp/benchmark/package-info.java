/**
 * Converts the public benchmark data sets in {@code shared/datasets} (CLINC150, BANKING77, HWU64)
 * into the JSONL splits the evaluation CLI reads, after checking each source file's SHA-256, so a
 * benchmark number always refers to the published data, never to an edited copy.
 */
@NullMarked
package org.townhall.nlp.benchmark;

import org.jspecify.annotations.NullMarked;
