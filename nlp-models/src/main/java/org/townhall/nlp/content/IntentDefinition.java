package org.townhall.nlp.content;

import java.util.List;

/**
 * One intent of a content pack, as a content editor keeps it in {@code intents/<id>.yml}.
 *
 * @param id stable id, lower_snake_case, equal to the file name
 * @param title short human label, used for "Did you mean…" choices and in the staff console
 * @param team the contact-centre team that handles a handoff on this topic
 * @param urgent hand off at once, with priority, after the answer (emergency signposting)
 * @param handoff always needs a person: the answer is given and a person is offered/queued
 * @param slots details the bot must collect before answering (e.g. {@code postcode}); possibly empty
 * @param answer what the bot says
 * @param phrases training phrases, as residents write them
 */
public record IntentDefinition(
    String id,
    String title,
    String team,
    boolean urgent,
    boolean handoff,
    List<String> slots,
    Answer answer,
    List<String> phrases) {

  public IntentDefinition {
    slots = List.copyOf(slots);
    phrases = List.copyOf(phrases);
  }
}
