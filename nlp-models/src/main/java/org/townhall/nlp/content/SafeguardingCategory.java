package org.townhall.nlp.content;

import java.util.List;

/**
 * One kind of danger a resident may disclose (suicide, domestic abuse, a gas leak…), as an editor
 * keeps it in {@code safeguarding/categories/<id>.yml}: how to recognise it and what to do.
 *
 * @param id stable id, lower_snake_case, equal to the file name
 * @param title what staff see in the console, e.g. "Suicide or self-harm"
 * @param team the team a handoff goes to
 * @param handoff whether a person must see it (an urgent handoff); false for hazards the council
 *     can only signpost (gas, fire, flood, a crime in progress): the help is the whole answer
 * @param help what the resident is told first, in calm plain words, with the right numbers; may
 *     hold the council's own numbers as placeholders ({@link #PLACEHOLDERS}), filled in by the bot
 * @param when word sets that always mean this danger ("kill myself"), matched like signposts
 * @param phrases how residents disclose it, for the safeguarding model
 */
public record SafeguardingCategory(String id, String title, String team, boolean handoff, String help,
    TriggerWords when, List<String> phrases) {

  /** The council's own numbers a help text may name, set in the bot's configuration. */
  public static final List<String> PLACEHOLDERS = List.of("children_services", "adult_services",
      "housing_options", "emergency_duty_team");

  public SafeguardingCategory {
    phrases = List.copyOf(phrases);
  }
}
