/**
 * The command line of {@code nlp-models.jar}: {@code evaluate} (the stable evaluation contract),
 * {@code train}, {@code classify}, {@code cross-validate}, {@code select} (measured choice of
 * trainer and features) and {@code convert-benchmarks}. Commands print human-readable text and,
 * where asked, one JSON object on the last line.
 */
@NullMarked
package org.townhall.nlp.cli;

import org.jspecify.annotations.NullMarked;
