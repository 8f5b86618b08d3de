/**
 * Measuring an intent classifier: JSONL data sets, per-intent precision/recall/F1 and confusion
 * pairs, in-scope accuracy and out-of-scope recall under the confidence thresholds, latency
 * percentiles, stratified cross-validation, temperature calibration and threshold tuning on
 * validation data (never on test data).
 */
@NullMarked
package org.townhall.nlp.evaluation;

import org.jspecify.annotations.NullMarked;
