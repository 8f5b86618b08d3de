/**
 * Bin collection days: {@link org.townhall.bot.collection.Postcode} finds and checks a UK postcode
 * in what a resident wrote (or tells a near miss worth a helpful retry), and {@link
 * org.townhall.bot.collection.CollectionRounds} looks it up in the council's collection rounds — a
 * CSV the council supplies and replaces without code — answering {@link
 * org.townhall.bot.collection.CollectionLookup.Found} with a {@link
 * org.townhall.bot.collection.CollectionSchedule} that says the next collection in plain English,
 * or {@link org.townhall.bot.collection.CollectionLookup.OutsideArea}, never a guess. It depends on
 * no other feature package; {@code conversation} calls it.
 */
package org.townhall.bot.collection;
