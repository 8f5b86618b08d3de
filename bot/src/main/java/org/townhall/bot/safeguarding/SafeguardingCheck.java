package org.townhall.bot.safeguarding;

import java.util.List;
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

  SafeguardingCheck(AnswerCatalog catalog, SafeguardingProperties numbers) {
    this.numbers = numbers;
    var pack = catalog.pack();
    this.detector = pack.safeguarding().isEmpty() ? SafeguardingDetector.train(pack, SafeguardingDetector.defaultSettings())
        : SafeguardingDetector.of(pack, catalog.trainOrLoad("safeguarding", SafeguardingDetector.trainingExamples(pack),
            SafeguardingDetector.defaultSettings()));
    log.info("The safeguarding check knows {} categories", detector.safeguarding().categories().size());
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
    return detector.safeguarding().category(id).map(c -> disclosure(c, false));
  }

  /** Every category, as staff can mark one. */
  public List<Disclosure> categories() {
    return detector.safeguarding().categories().stream().map(c -> disclosure(c, false)).toList();
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
    return detector.safeguarding().category(concern.category())
        .map(c -> disclosure(c, concern.evidence() == Concern.Evidence.WORDS));
  }

  private Disclosure disclosure(SafeguardingCategory c, boolean byWords) {
    return new Disclosure(c.id(), c.title(), c.team(), c.handoff(), filled(c.help()), byWords);
  }
}
