package org.townhall.bot.conversation;

/** One of the classifier's guesses for a resident's message, kept for the staff console. */
public record Guess(String intent, double confidence) {}
