/**
 * Understanding residents' messages: the OpenNLP intent model from {@code nlp-models}, trained from
 * the content pack at start-up, and the confidence thresholds that turn a classification into a
 * verdict (answer, clarify or reject).
 */
package org.townhall.bot.nlu;
