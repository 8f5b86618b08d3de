package org.townhall.bot.safeguarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.content.ContentRelease;
import org.townhall.nlp.content.SafeguardingCategory;
import org.townhall.nlp.safeguarding.Concern;
import org.townhall.nlp.safeguarding.SafeguardingDetector;

/**
 * Checks a resident's message for a disclosure of danger, with the live content's safeguarding model;
 * thread-safe, and never throws for any text.
 */
@Service
public class SafeguardingCheck {

  private static final Logger log = LoggerFactory.getLogger(SafeguardingCheck.class);
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final AnswerCatalog catalog;
  private final SafeguardingProperties numbers;
  /** The live release's detector and categories, made again only when editors publish a new one. */
  private final AtomicReference<Prepared> prepared = new AtomicReference<>();

  /**
   * One release's detector, and every category as a disclosure, help filled in, by id in the pack's
   * order: made once per release, since the console's queue asks for a concern's title every second.
   */
  private record Prepared(ContentRelease release, SafeguardingDetector detector, Map<String, Disclosure> byId) {}

  SafeguardingCheck(AnswerCatalog catalog, SafeguardingProperties numbers) {
    this.catalog = catalog;
    this.numbers = numbers;
    log.info("The safeguarding check knows {} categories", prepared().byId().size());
  }

  private Prepared prepared() {
    ContentRelease release = catalog.release();
    Prepared now = prepared.get();
    if (now != null && now.release() == release) {
      return now;
    }
    SafeguardingDetector detector = SafeguardingDetector.of(release.pack(), release.safeguardingModel());
    Map<String, Disclosure> byId = new LinkedHashMap<>();
    for (SafeguardingCategory c : detector.safeguarding().categories()) {
      byId.put(c.id(), new Disclosure(c.id(), c.title(), c.team(), c.handoff(), filled(c.help()), false));
    }
    Prepared made = new Prepared(release, detector, java.util.Collections.unmodifiableMap(byId));
    prepared.set(made);
    return made;
  }

  /** The danger this message discloses, if any. */
  public Optional<Disclosure> check(String text) {
    try {
      Prepared now = prepared();
      return now.detector().detect(text).flatMap(concern -> disclosure(now, concern));
    } catch (RuntimeException e) {
      // A bug here must not lose the resident's message; the conversation goes on as usual.
      log.error("The safeguarding check failed; the message was handled without it", e);
      return Optional.empty();
    }
  }

  /** A category staff chose in the console, as a disclosure. */
  public Optional<Disclosure> category(String id) {
    return Optional.ofNullable(prepared().byId().get(id));
  }

  /** Every category, as staff can mark one. */
  public List<Disclosure> categories() {
    return List.copyOf(prepared().byId().values());
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

  private static Optional<Disclosure> disclosure(Prepared prepared, Concern concern) {
    return Optional.ofNullable(prepared.byId().get(concern.category())).map(d -> concern.evidence() == Concern.Evidence.WORDS
        ? new Disclosure(d.category(), d.title(), d.team(), d.handoff(), d.help(), true)
        : d);
  }
}
