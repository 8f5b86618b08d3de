package org.townhall.bot.content;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.PackArchive;

/**
 * "Try it": a sentence classified with the live version and with the draft, side by side, so an
 * editor sees what a change does before anyone publishes it.
 */
@Service
public class ContentTrials {

  private final AnswerCatalog catalog;
  private final ContentDrafts drafts;
  private final ContentReleases releases;

  ContentTrials(AnswerCatalog catalog, ContentDrafts drafts, ContentReleases releases) {
    this.catalog = catalog;
    this.drafts = drafts;
    this.releases = releases;
  }

  /**
   * What one version makes of a sentence.
   *
   * @param does "answer", "ask which" (offers the top topics), or "not understood"
   * @param intent the best topic (null when the best guess is out of scope)
   */
  public record Reading(String does, String intent, String title, double confidence, String answer,
      List<String> quickReplies, List<String> alsoLikely) {}

  /**
   * A sentence tried against the live version and the draft side by side.
   *
   * @param draftState "ready", "preparing" (its models are being made: ask again shortly) or "broken"
   *     (the draft has problems to fix)
   * @param draft null unless ready
   */
  public record Trial(int liveVersion, Reading live, String draftState, Reading draft) {}

  /** The draft's release, made in the background when someone first tries a sentence on it. */
  private record DraftRelease(String filesId, java.util.concurrent.Future<ContentRelease> release) {}

  private final AtomicReference<DraftRelease> draftRelease = new AtomicReference<>();
  private final ExecutorService trials = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "content-trial");
    thread.setDaemon(true);
    return thread;
  });

  /** Classifies {@code text} with the live version and with the draft. */
  public Trial tryOut(String text) {
    ContentRelease live = catalog.release();
    PackArchive draft = drafts.draftFiles();
    if (draft.id().equals(live.files().id())) {
      Reading reading = reading(live, text);
      return new Trial(live.version().number(), reading, "ready", reading);
    }
    ContentDrafts.Readout read = drafts.readout(draft);
    if (read.pack() == null) {
      return new Trial(live.version().number(), reading(live, text), "broken", null);
    }
    DraftRelease prepared = draftRelease.updateAndGet(d -> d != null && d.filesId().equals(draft.id()) ? d
        : new DraftRelease(draft.id(), trials.submit(() ->
            releases.release(ContentVersion.shipped(draft.id(), draft.files().size()), draft, read.pack()))));
    if (!prepared.release().isDone()) {
      return new Trial(live.version().number(), reading(live, text), "preparing", null);
    }
    try {
      return new Trial(live.version().number(), reading(live, text), "ready", reading(prepared.release().get(), text));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new ContentRefusedException("the draft's models could not be made: " + e.getCause().getMessage(), List.of());
    }
  }

  private static Reading reading(ContentRelease release, String text) {
    org.townhall.nlp.classify.Classification classified = release.intentModel().classify(text);
    org.townhall.nlp.classify.Verdict verdict = release.pack().thresholds().decide(classified);
    org.townhall.nlp.classify.IntentScore best = classified.best();
    IntentDefinition intent = best.outOfScope() ? null : release.intentsById().get(best.intent());
    List<String> also = classified.topInScope(3).stream().map(org.townhall.nlp.classify.IntentScore::intent)
        .filter(i -> intent == null || !i.equals(intent.id())).toList();
    String does = switch (verdict) {
      case ANSWER -> "answer";
      case CLARIFY -> "ask which";
      case REJECT -> "not understood";
    };
    return new Reading(does, intent == null ? null : intent.id(), intent == null ? null : intent.title(),
        best.confidence(), intent == null ? null : intent.answer().text(),
        intent == null ? List.of() : intent.answer().options(), also);
  }

  @PreDestroy
  void stop() {
    trials.shutdownNow();
  }
}
