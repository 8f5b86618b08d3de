/**
 * Text normalisation and feature generation, shared by training and classification so that a
 * message is seen the same way in both: {@link org.townhall.nlp.text.TextNormalizer} turns raw
 * resident text into tokens (case, punctuation, contractions, numbers, postcodes), and the OpenNLP
 * {@code FeatureGenerator}s here turn tokens into stemmed word n-gram and character n-gram features.
 */
@NullMarked
package org.townhall.nlp.text;

import org.jspecify.annotations.NullMarked;
