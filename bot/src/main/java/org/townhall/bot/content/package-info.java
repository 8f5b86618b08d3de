/**
 * The council's content: intents, answers, teams and flags, read from a content pack (the built-in
 * one from {@code nlp-models}, or a folder named by {@code townhall.content.pack-dir}).
 */
package org.townhall.bot.content;
