package org.townhall.bot.store;

import java.time.Clock;
import java.time.ZoneOffset;

class InMemoryChannelQueuesTests extends ChannelQueuesContract {

  private final InMemoryChannelQueues queues = new InMemoryChannelQueues(Clock.fixed(T0, ZoneOffset.UTC));

  @Override
  ChannelQueues queues() {
    return queues;
  }
}
