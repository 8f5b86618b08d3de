package org.townhall.bot.safeguarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.nlp.content.SafeguardingCategory;
import org.townhall.nlp.safeguarding.Concern;
import org.townhall.nlp.safeguarding.SafeguardingDetector;

/**
 * Checks a resident's message for a disclosure of danger. Trained from the content pack at start-up;
 * thread-safe, and never throws for any text.
 */
@Service
public class SafeguardingCheck {

  private static final Logger log = LoggerFactory.getLogger(SafeguardingCheck.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final SafeguardingDetector detector;
  private final SafeguardingProperties numbers;
  /**
   * Every category as a disclosure, help filled in, by id in the pack's order: made once, since the
   * console's queue asks for a concern's title every second.
   */
  private final Map<String, Disclosure> byId = new LinkedHashMap<>();

  SafeguardingCheck(AnswerCatalog catalog, SafeguardingProperties numbers) {
    this.numbers = numbers;
    var pack = catalog.pack();
    // A pack without safeguarding has no model to train (nothing but "none" to learn).
    this.detector = SafeguardingDetector.of(pack, pack.safeguarding().isEmpty() ? null
        : catalog.trainOrLoad("safeguarding", SafeguardingDetector.trainingExamples(pack),
            SafeguardingDetector.defaultSettings()));
    for (SafeguardingCategory c : detector.safeguarding().categories()) {
      byId.put(c.id(), new Disclosure(c.id(), c.title(), c.team(), c.handoff(), filled(c.help()), false));
    }
    log.info("The safeguarding check knows {} categories", byId.size());
  }

  /** The danger this message discloses, if any. */
  public Optional<Disclosure> check(String text) {
    try {
      return detector.detect(text).flatMap(this::disclosure);
    } catch (RuntimeException e) {
      // A bug here must not lose the resident's message; the conversation goes on as usual.
      log.error("The safeguarding check failed; the message was handled without it", e);
      return Optional.empty();
    }
  }

  /** A category staff chose in the console, as a disclosure. */
  public Optional<Disclosure> category(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Every category, as staff can mark one. */
  public List<Disclosure> categories() {
    return List.copyOf(byId.values());
  }

  /** The out-of-hours emergency duty team's number, told to residents at risk when the contact centre is closed. */
  public String emergencyDutyTeam() {
    return numbers.emergencyDutyTeam();
  }

  /** A help text with the council's numbers in place of its placeholders. */
  String filled(String help) {
    Matcher m = PLACEHOLDER.matcher(help);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(numbers.number(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private Optional<Disclosure> disclosure(Concern concern) {
    return category(concern.category()).map(d -> concern.evidence() == Concern.Evidence.WORDS
        ? new Disclosure(d.category(), d.title(), d.team(), d.handoff(), d.help(), true)
        : d);
  }
}
