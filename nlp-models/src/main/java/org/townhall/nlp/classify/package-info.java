/**
 * Intent classification: the {@link org.townhall.nlp.classify.IntentClassifier} port, the
 * OpenNLP-backed {@link org.townhall.nlp.classify.IntentModel} that {@link
 * org.townhall.nlp.classify.IntentTrainer} builds from labelled phrases, the confidence {@link
 * org.townhall.nlp.classify.Thresholds} that turn a ranking into a {@link
 * org.townhall.nlp.classify.Verdict}, and {@link org.townhall.nlp.classify.SwappableClassifier} for
 * replacing a model while the bot keeps answering.
 */
@NullMarked
package org.townhall.nlp.classify;

import org.jspecify.annotations.NullMarked;
