package org.townhall.bot.content;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.townhall.nlp.classify.Folds;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.PackArchive;
import org.townhall.nlp.content.TestSet;
import org.townhall.nlp.evaluation.Evaluator;
import org.townhall.nlp.evaluation.Outcome;

/**
 * The gate before publishing: the draft's intent model and the live one, each cross-validated on its
 * own pack's phrases (the same folds, the same seed), compared overall and intent by intent, with
 * the pairs of topics the draft confuses more often; then the draft's model, trained on all its
 * phrases, and the live model on the pack's test messages ({@code tests/}: the hold-out set and the
 * messages editors labelled in the inbox, the council's own regression set), with every message the
 * draft now gets wrong. A draft whose phrases are the live version's (answers, links, teams changed)
 * needs no evaluation: its model is the live one.
 *
 * <p>Runs on its own thread; the live version's result is kept, so only the draft's folds are
 * trained when editors evaluate again.
 */
@Service
public class ContentEvaluation {

  private static final Logger log = LoggerFactory.getLogger(ContentEvaluation.class);
  /** Pairs whose out-of-fold confusions grow by at least this many are reported as newly confusable. */
  private static final int CONFUSABLE = 3;
  /** The test messages a draft gets wrong that are listed (the count is always whole). */
  private static final int REGRESSIONS_SHOWN = 20;

  private final AnswerCatalog catalog;
  private final ContentDrafts drafts;
  private final ContentReleases releases;
  private final ContentProperties.Gate gate;
  private final Clock clock;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "content-evaluation");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Evaluation> current = new AtomicReference<>();
  /**
   * Scores by the exact phrases they were measured on (a few packs: the live one and recent drafts),
   * so the live version is not cross-validated again each time a draft is.
   */
  private final Map<List<LabeledText>, Scores> scoresByPhrases = new java.util.concurrent.ConcurrentHashMap<>();
  /** Beyond this many kept scores all are forgotten and made again when asked for (each holds its pack's phrases). */
  private static final int SCORES_KEPT = 4;

  ContentEvaluation(AnswerCatalog catalog, ContentDrafts drafts, ContentReleases releases, ContentProperties properties,
      Clock clock) {
    this.catalog = catalog;
    this.drafts = drafts;
    this.releases = releases;
    this.gate = properties.gate();
    this.clock = clock;
  }

  /** One pack's cross-validated scores. */
  record Scores(double accuracy, Map<String, Double> recallByIntent, Map<List<String>, Integer> confusions) {}

  /** How one topic's cross-validated recall changed. */
  public record IntentChange(String intent, double before, double after) {}

  /** Two topics the draft mixes up more often than the live version. */
  public record Confusable(String truth, String takenFor, int before, int after) {}

  /**
   * A test message the live version understood and the draft does not.
   *
   * @param expected the intent it is labelled with ({@code oos}: not the council's business)
   * @param before what the live version made of it ({@code oos}: "didn't understand")
   * @param after what the draft makes of it
   */
  public record Regression(String text, String expected, String before, String after) {}

  /**
   * How the live version and the draft do on one of the pack's test files.
   *
   * @param name the file, e.g. {@code holdout.jsonl}
   * @param measured messages measured
   * @param skipped messages labelled with an intent the draft no longer has, not measured
   * @param regressions how many messages the live version got right and the draft gets wrong
   * @param shown the first of them (at most 20)
   */
  public record TestResult(String name, int measured, int skipped, double accuracyBefore, double accuracyAfter,
      int regressions, List<Regression> shown) {}

  /**
   * An evaluation of the draft against the live version.
   *
   * @param state "running", "done" or "failed"
   * @param step folds trained so far, of {@code steps}
   * @param passes whether the gate lets it be published (null until done)
   * @param why in plain words, what blocks it (null when it passes)
   */
  public record Evaluation(String filesId, int liveVersion, String state, int step, int steps, Instant startedAt,
      Instant finishedAt, Double accuracyBefore, Double accuracyAfter, List<IntentChange> intentsWorse,
      List<IntentChange> intentsBetter, List<Confusable> confusable, List<TestResult> tests, Boolean passes,
      String why) {}

  /** The last evaluation, if it is of the draft as it is now. */
  public Optional<Evaluation> ofDraft() {
    return Optional.ofNullable(current.get()).filter(e -> e.filesId().equals(drafts.draftFiles().id()));
  }

  /**
   * Why files may not be published without an administrator's override.
   *
   * @param evaluated true when an evaluation blocks them, false when none was made of them yet
   */
  public record Block(String why, boolean evaluated) {}

  /** What stops these files being published without an administrator's override, if anything. */
  public Optional<Block> blocks(PackArchive files, ContentPack pack) {
    if (samePhrases(pack, catalog.release().pack())) {
      return Optional.empty();
    }
    Evaluation evaluation = current.get();
    if (evaluation == null || !evaluation.filesId().equals(files.id()) || !"done".equals(evaluation.state())) {
      return Optional.of(new Block("the draft's phrases changed: evaluate it first, so everyone sees what the change does",
          false));
    }
    return Boolean.TRUE.equals(evaluation.passes()) ? Optional.empty() : Optional.of(new Block(evaluation.why(), true));
  }

  /** Starts evaluating the draft as it is now (or returns the evaluation already running or done for it). */
  public synchronized Evaluation evaluateDraft() {
    PackArchive files = drafts.draftFiles();
    Evaluation last = current.get();
    if (last != null && last.filesId().equals(files.id()) && !"failed".equals(last.state())) {
      return last;
    }
    ContentPack draft = drafts.draftPack();
    ContentRelease live = catalog.release();
    Instant started = clock.instant();
    if (samePhrases(draft, live.pack())) {
      Evaluation same = new Evaluation(files.id(), live.version().number(), "done", 0, 0, started, started, null, null,
          List.of(), List.of(), List.of(), List.of(), true, null);
      current.set(same);
      return same;
    }
    int folds = gate.folds();
    boolean liveKnown = scoresByPhrases.containsKey(live.pack().trainingExamples());
    int steps = (liveKnown ? folds : 2 * folds) + 1; // the last step trains the draft's whole model
    Evaluation running = new Evaluation(files.id(), live.version().number(), "running", 0, steps, started, null,
        null, null, List.of(), List.of(), List.of(), List.of(), null, null);
    current.set(running);
    AtomicInteger step = new AtomicInteger();
    worker.execute(() -> {
      try {
        Scores before = scores(live.pack(), () -> progress(running, step.incrementAndGet()));
        Scores after = scores(draft, () -> progress(running, step.incrementAndGet()));
        // Trained (or loaded) through the model cache, so publishing this draft finds it there.
        IntentModel draftModel = releases.intentModel(draft);
        List<TestResult> tests = draft.tests().stream().map(t -> tested(t, live, draft, draftModel)).toList();
        current.set(judged(running, before, after, tests));
      } catch (RuntimeException e) {
        log.error("Evaluating the draft failed", e);
        current.set(new Evaluation(running.filesId(), running.liveVersion(), "failed", step.get(), steps, started,
            clock.instant(), null, null, List.of(), List.of(), List.of(), List.of(), false,
            "the evaluation failed: " + e.getMessage()));
      }
    });
    return running;
  }

  private void progress(Evaluation running, int step) {
    current.set(new Evaluation(running.filesId(), running.liveVersion(), "running", step,
        running.steps(), running.startedAt(), null, null, null, List.of(), List.of(), List.of(), List.of(), null, null));
  }

  /** One test file measured on the live model and on the draft's. */
  private TestResult tested(TestSet set, ContentRelease live, ContentPack draft, IntentModel draftModel) {
    List<LabeledText> measured = set.messages().stream()
        .filter(m -> m.intent().equals(LabeledText.OUT_OF_SCOPE) || draft.intent(m.intent()).isPresent()).toList();
    List<Outcome> before = Evaluator.outcomes(live.intentModel(), live.pack().thresholds(), measured);
    List<Outcome> after = Evaluator.outcomes(draftModel, draft.thresholds(), measured);
    int rightBefore = 0;
    int rightAfter = 0;
    List<Regression> regressions = new ArrayList<>();
    for (int i = 0; i < measured.size(); i++) {
      boolean was = before.get(i).predicted().equals(measured.get(i).intent());
      boolean is = after.get(i).predicted().equals(measured.get(i).intent());
      rightBefore += was ? 1 : 0;
      rightAfter += is ? 1 : 0;
      if (was && !is) {
        regressions.add(new Regression(measured.get(i).text(), measured.get(i).intent(), before.get(i).predicted(),
            after.get(i).predicted()));
      }
    }
    int n = Math.max(1, measured.size());
    return new TestResult(set.name(), measured.size(), set.messages().size() - measured.size(),
        rightBefore / (double) n, rightAfter / (double) n, regressions.size(),
        List.copyOf(regressions.subList(0, Math.min(REGRESSIONS_SHOWN, regressions.size()))));
  }

  private Evaluation judged(Evaluation running, Scores before, Scores after, List<TestResult> tests) {
    List<IntentChange> worse = new ArrayList<>();
    List<IntentChange> better = new ArrayList<>();
    for (String intent : new TreeSet<>(after.recallByIntent().keySet())) {
      Double was = before.recallByIntent().get(intent);
      double now = after.recallByIntent().get(intent);
      if (was != null && now < was - 1e-9) {
        worse.add(new IntentChange(intent, was, now));
      } else if (was != null && now > was + 1e-9) {
        better.add(new IntentChange(intent, was, now));
      }
    }
    worse.sort(Comparator.comparingDouble(c -> c.after() - c.before()));
    List<Confusable> confusable = new ArrayList<>();
    after.confusions().forEach((pair, count) -> {
      int was = before.confusions().getOrDefault(pair, 0);
      if (count - was >= CONFUSABLE) {
        confusable.add(new Confusable(pair.get(0), pair.get(1), was, count));
      }
    });
    confusable.sort(Comparator.comparingInt((Confusable c) -> c.before() - c.after()));
    double drop = before.accuracy() - after.accuracy();
    List<String> reasons = new ArrayList<>();
    if (drop > gate.maxDrop()) {
      reasons.add(String.format("overall accuracy falls from %.1f%% to %.1f%% (the council allows a fall of %.1f points)",
          100 * before.accuracy(), 100 * after.accuracy(), 100 * gate.maxDrop()));
    }
    worse.stream().filter(c -> c.before() - c.after() > gate.maxIntentDrop()).forEach(c -> reasons.add(String.format(
        "%s falls from %.0f%% to %.0f%%", catalog.title(c.intent()), 100 * c.before(), 100 * c.after())));
    tests.stream().filter(t -> t.accuracyBefore() - t.accuracyAfter() > gate.maxDrop()).forEach(t -> reasons.add(
        String.format("on the test messages in %s, accuracy falls from %.1f%% to %.1f%% (%d now go wrong)", t.name(),
            100 * t.accuracyBefore(), 100 * t.accuracyAfter(), t.regressions())));
    return new Evaluation(running.filesId(), running.liveVersion(), "done", running.steps(), running.steps(),
        running.startedAt(), clock.instant(), before.accuracy(), after.accuracy(), worse, better, confusable, tests,
        reasons.isEmpty(), reasons.isEmpty() ? null : String.join("; ", reasons));
  }

  /** Cross-validated scores of a pack's intent model, kept by its phrases. */
  private Scores scores(ContentPack pack, Runnable foldDone) {
    List<LabeledText> examples = pack.trainingExamples();
    Scores known = scoresByPhrases.get(examples);
    if (known != null) {
      return known;
    }
    TrainingSettings settings = TrainingSettings.defaults();
    Thresholds thresholds = pack.thresholds();
    List<List<LabeledText>> folds = Folds.stratified(examples, gate.folds(), 1);
    List<Outcome> outcomes = new ArrayList<>(examples.size());
    for (int i = 0; i < folds.size(); i++) {
      IntentModel model = IntentTrainer.train(Folds.allBut(folds, i), settings);
      outcomes.addAll(Evaluator.outcomes(model, thresholds, folds.get(i)));
      foldDone.run();
    }
    Map<String, int[]> byIntent = new HashMap<>(); // intent -> {right, all}
    Map<List<String>, Integer> confusions = new HashMap<>();
    int right = 0;
    for (Outcome o : outcomes) {
      boolean correct = o.best().equals(o.truth());
      right += correct ? 1 : 0;
      int[] counts = byIntent.computeIfAbsent(o.truth(), t -> new int[2]);
      counts[0] += correct ? 1 : 0;
      counts[1]++;
      if (!correct) {
        confusions.merge(List.of(o.truth(), o.best()), 1, Integer::sum);
      }
    }
    Map<String, Double> recall = new HashMap<>();
    byIntent.forEach((intent, counts) -> recall.put(intent, counts[0] / (double) counts[1]));
    Scores scores = new Scores(right / (double) outcomes.size(), recall, confusions);
    if (scoresByPhrases.size() >= SCORES_KEPT) {
      scoresByPhrases.clear(); // rare (an editor's drafts over a day); the live pack's are made again once
    }
    scoresByPhrases.put(examples, scores);
    return scores;
  }

  private static boolean samePhrases(ContentPack a, ContentPack b) {
    return a.trainingExamples().equals(b.trainingExamples());
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
