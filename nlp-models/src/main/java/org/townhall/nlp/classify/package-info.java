/**
 * Intent classification: the {@link org.townhall.nlp.classify.IntentClassifier} port, the
 * OpenNLP-backed {@link org.townhall.nlp.classify.IntentModel} that {@link
 * org.townhall.nlp.classify.IntentTrainer} builds from labelled phrases, the confidence {@link
 * org.townhall.nlp.classify.Thresholds} that turn a ranking into a {@link
 * org.townhall.nlp.classify.Verdict}. Models are immutable and thread-safe, so a new one can be put in
 * service while the old one is still answering.
 */
@NullMarked
package org.townhall.nlp.classify;

import org.jspecify.annotations.NullMarked;
