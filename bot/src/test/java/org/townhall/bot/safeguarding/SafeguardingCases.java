package org.townhall.bot.safeguarding;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One disclosure per safeguarding category of the built-in pack, the number its help must carry,
 * and whether a person must see it. The end-to-end tests run every category through each channel.
 */
public final class SafeguardingCases {

  /**
   * @param category the pack's category id
   * @param message what a resident writes
   * @param number the number the reply must carry (the demo council's own numbers as configured)
   * @param handoff whether the conversation goes to staff (false: hazards the council only signposts)
   * @param team the team it goes to
   */
  public record Case(String category, String message, String number, boolean handoff, String team) {

    @Override
    public String toString() {
      return category;
    }
  }

  public static final List<Case> ALL = List.of(
      new Case("suicide_self_harm", "i cant go on any more, i want to kill myself", "116 123", true, "safeguarding"),
      new Case("domestic_abuse", "my partner strangled me last night and I'm scared to go home", "0808 2000 247", true,
          "safeguarding"),
      new Case("threat_to_life", "the man upstairs has threatened to kill me", "call 999", true, "safeguarding"),
      new Case("child_at_risk", "the kids next door are left alone all night again", "0800 1111", true, "children"),
      new Case("adult_at_risk", "my dad has dementia and his carer is stealing his pension", "0300 000 0002", true,
          "social-care"),
      new Case("homeless_tonight", "i have nowhere to sleep tonight", "0300 000 0000", true, "housing"),
      new Case("gas_carbon_monoxide", "I can smell gas in my kitchen", "0800 111 999", false, "customer-services"),
      new Case("fire_smoke", "the flat below is on fire and smoke is pouring into the stairs", "call 999", false,
          "customer-services"),
      new Case("electrical_structural", "our ceiling has collapsed and water is dripping on the fuse box", "call 105",
          true, "housing"),
      new Case("flooding_home", "sewage is coming up through the floor into my kitchen", "0345 988 1188", false,
          "customer-services"),
      new Case("no_heating_water_vulnerable", "the boiler is broken and my newborn baby is freezing", "NHS 111", true,
          "housing"),
      new Case("crime_in_progress", "someone is breaking into the house next door right now", "call 999", false,
          "customer-services"),
      new Case("exploitation", "dealers have taken over my flat, it's cuckooing", "08000 121 700", true,
          "safeguarding"),
      new Case("mental_health_crisis", "my brother is hearing voices and says people are after him", "NHS 111", true,
          "safeguarding"));

  private SafeguardingCases() {}

  public static Stream<Arguments> all() {
    return ALL.stream().map(Arguments::of);
  }

  public static Stream<Arguments> handedOff() {
    return ALL.stream().filter(Case::handoff).map(Arguments::of);
  }

  public static Case of(String category) {
    return ALL.stream().filter(c -> c.category().equals(category)).findFirst().orElseThrow();
  }
}
