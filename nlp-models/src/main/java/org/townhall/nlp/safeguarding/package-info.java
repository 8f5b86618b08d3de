/**
 * Safeguarding: recognising, in any message, a resident who discloses danger (suicide, abuse, a
 * child at risk, a gas leak…). {@link org.townhall.nlp.safeguarding.SafeguardingDetector} is trained
 * from the pack's {@code safeguarding/} folder and checks trigger words and a model of its own,
 * recall first; {@link org.townhall.nlp.safeguarding.SafeguardingEvaluation} measures it.
 */
@NullMarked
package org.townhall.nlp.safeguarding;

import org.jspecify.annotations.NullMarked;
