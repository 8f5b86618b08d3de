package org.townhall.bot.content;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.townhall.bot.collection.CollectionRounds;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.PackArchive;

/**
 * The content the bot serves now: one {@link ContentRelease}, swapped whole when editors publish. At
 * start-up it is the live published version if the store keeps one (Redis), else the shipped content
 * (the built-in pack, or {@code townhall.content.pack-dir}). A version holding a bin collection rounds
 * file ({@value ContentDrafts#ROUNDS_FILE}) puts it in service with it; one without, the configured file.
 */
@Component
public class AnswerCatalog {

  private static final Logger log = LoggerFactory.getLogger(AnswerCatalog.class);

  private final AtomicReference<ContentRelease> current = new AtomicReference<>();
  private final PackArchive shipped;
  private final CollectionRounds rounds;

  AnswerCatalog(ContentProperties properties, ContentReleases releases, ContentVersions versions,
      CollectionRounds rounds) {
    this.rounds = rounds;
    ContentPack shippedPack = properties.packDir() == null
        ? ContentPackReader.builtIn()
        : ContentPackReader.read(properties.packDir());
    this.shipped = properties.packDir() == null ? PackArchive.builtIn() : PackArchive.of(properties.packDir());
    ContentRelease release = null;
    Optional<Integer> live = versions.live();
    if (live.isPresent()) {
      try {
        ContentVersion version = versions.version(live.get()).orElseThrow();
        release = releases.release(version, versions.archive(live.get()).orElseThrow());
        log.info("Serving published content version {}", live.get());
      } catch (RuntimeException e) {
        // The shipped content is better than no bot: say so loudly, and let editors publish again.
        log.error("Cannot serve published content version {}; serving the shipped content instead", live.get(), e);
      }
    }
    if (release == null) {
      release = releases.release(ContentVersion.shipped(shipped.id(), shipped.files().size()), shipped, shippedPack);
    }
    current.set(release);
    useRounds(release);
  }

  /** The release's rounds file, or the configured one when it has none (checked before publishing). */
  private void useRounds(ContentRelease release) {
    try {
      rounds.use(release.files().text(ContentDrafts.ROUNDS_FILE).orElse(null),
          "content version " + release.version().number() + ", " + ContentDrafts.ROUNDS_FILE);
    } catch (RuntimeException e) {
      log.error("Cannot use the bin collection rounds of content version {}; the rounds in use stay",
          release.version().number(), e);
    }
  }

  /** The release serving now; read it once per message, so one message sees one version. */
  public ContentRelease release() {
    return current.get();
  }

  /** Puts a new release in service. */
  void swap(ContentRelease release) {
    ContentRelease before = current.getAndSet(release);
    useRounds(release);
    log.info("Content version {} is live (was {})", release.version().number(), before.version().number());
  }

  /** The files of version 0: the content the product shipped with. */
  PackArchive shipped() {
    return shipped;
  }

  public ContentPack pack() {
    return current.get().pack();
  }

  public Optional<IntentDefinition> intent(String id) {
    return Optional.ofNullable(current.get().intentsById().get(id));
  }

  /**
   * Greetings, thanks and the like: answered by customer services with no page of the council's to
   * link to. Nothing to rate ("Did that help?"), no council topic to list or to hand a person.
   */
  public static boolean isSmallTalk(IntentDefinition intent) {
    return "customer-services".equals(intent.team()) && intent.answer().link() == null;
  }

  /** A short human label for an intent, e.g. for "Did you mean…" choices. */
  public String title(String intentId) {
    return intent(intentId).map(IntentDefinition::title).orElse(intentId);
  }
}
