package org.townhall.bot.collection;

/** What the council's collection rounds say about a postcode. */
public sealed interface CollectionLookup
    permits CollectionLookup.Found, CollectionLookup.OutsideArea {

  Postcode postcode();

  /** The postcode is on one of the council's rounds. */
  record Found(Postcode postcode, CollectionSchedule schedule) implements CollectionLookup {}

  /**
   * The council has no round for the postcode: it is another council's, so say so and point to
   * {@link CollectionRounds#findCouncilUrl()} rather than guess a day.
   */
  record OutsideArea(Postcode postcode) implements CollectionLookup {}
}
