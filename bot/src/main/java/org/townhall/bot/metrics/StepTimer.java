package org.townhall.bot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Times one conversation step as a channel drives it: a resident's message from the conversation's
 * lock through restoring its state, the safeguarding check, classification, the state machine and the
 * version-checked commit ({@code townhall.conversation.step}, tagged by channel). Steps that fail are
 * timed too, so a slow store shows here before it shows as errors.
 */
@Component
public class StepTimer {

  static final String NAME = "townhall.conversation.step";

  private final MeterRegistry meters;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  StepTimer(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * Runs the step and records how long it took.
   *
   * @param channel the channel's own constant name ({@code webchat}, {@code telegram}), never input
   */
  public <T> T time(String channel, Supplier<T> step) {
    return timers.computeIfAbsent(Channels.tag(channel), tag -> Timer.builder(NAME)
            .description("Time to handle one resident message: lock, restore, understand, fire, commit")
            .tag("channel", tag)
            .register(meters))
        .record(step);
  }
}
