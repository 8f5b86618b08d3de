/**
 * Safeguarding: the check that runs on every resident message, in every state, before anything else
 * decides. {@link org.townhall.bot.safeguarding.SafeguardingCheck} trains the pack's detector at
 * start-up and turns a recognised danger into a {@link org.townhall.bot.safeguarding.Disclosure}:
 * the category, the help to say first (with the council's own numbers filled in) and whether a person
 * must see it.
 */
package org.townhall.bot.safeguarding;
