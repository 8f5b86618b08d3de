package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConcurrentSwapTests {

  @Test
  void classifiesConsistentlyFromManyThreadsWhileTheModelIsSwapped() throws Exception {
    IntentModel first = IntentTrainer.train(TinyTrainingSet.examples(), TrainingSettings.defaults());
    IntentModel second = first.withTemperature(2.0);
    Classification firstAnswer = first.classify("report a pothole");
    Classification secondAnswer = second.classify("report a pothole");
    // the bot swaps a whole content release the same way (AnswerCatalog)
    java.util.concurrent.atomic.AtomicReference<IntentClassifier> classifier = new java.util.concurrent.atomic.AtomicReference<>(first);
    AtomicBoolean running = new AtomicBoolean(true);
    Set<Classification> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch started = new CountDownLatch(4);
    List<Future<Integer>> readers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      readers.add(pool.submit(() -> {
        started.countDown();
        int calls = 0;
        while (running.get() || calls < 100) {
          seen.add(classifier.get().classify("report a pothole"));
          calls++;
        }
        return calls;
      }));
    }
    started.await();
    for (int swaps = 0; swaps < 2_000; swaps++) {
      classifier.set(swaps % 2 == 0 ? second : first);
    }
    running.set(false);
    for (Future<Integer> reader : readers) {
      assertThat(reader.get(30, TimeUnit.SECONDS)).isPositive();
    }
    pool.shutdown();

    assertThat(seen).isSubsetOf(firstAnswer, secondAnswer);
  }

  @Test
  void oneModelGivesTheSameAnswerOnEveryThread() throws Exception {
    IntentModel model = IntentTrainer.train(TinyTrainingSet.examples(), TrainingSettings.defaults());
    List<String> texts = List.of("when is my bin collected", "pay council tax", "pothole", "weather");
    List<Classification> expected = texts.stream().map(model::classify).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      results.add(pool.submit(() -> {
        for (int i = 0; i < 500; i++) {
          int k = i % texts.size();
          if (!model.classify(texts.get(k)).equals(expected.get(k))) {
            return false;
          }
        }
        return true;
      }));
    }
    for (Future<Boolean> result : results) {
      assertThat(result.get(30, TimeUnit.SECONDS)).isTrue();
    }
    pool.shutdown();
  }
}
