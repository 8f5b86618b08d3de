package org.townhall.nlp.content;

import java.time.LocalDate;

/**
 * Who keeps an answer right, until when, and what it is based on: council pages change (bin days
 * over Christmas, opening hours, fees), and an answer nobody checks goes stale without anyone noticing.
 *
 * @param owner the team that reviews the answer, or null for the intent's own team
 * @param by the date by which someone should check the answer again, or null when none is set
 * @param source the council page the answer is based on (a full https address), or null
 */
public record Review(String owner, LocalDate by, String source) {

  /** The team that reviews the answer: its own owner, else the intent's team. */
  public String ownerOr(String team) {
    return owner == null ? team : owner;
  }
}
