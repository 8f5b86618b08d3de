package org.townhall.bot.safeguarding;

/**
 * A resident's message that discloses danger, and what the bot must do about it.
 *
 * @param category the category's id, e.g. {@code domestic_abuse}
 * @param title what staff see, e.g. "Domestic abuse"
 * @param team the team a handoff goes to
 * @param handoff whether a person must see it now (false for hazards the council can only signpost)
 * @param help what the resident is told first, with the council's numbers filled in
 * @param byWords whether a trigger word set recognised it (else the model did)
 */
public record Disclosure(String category, String title, String team, boolean handoff, String help,
    boolean byWords) {}
