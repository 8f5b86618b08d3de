package org.townhall.bot.channel.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.townhall.bot.channel.LaneWorkers;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.store.ChannelQueues;
import org.townhall.bot.store.RetentionProperties;

/**
 * Emailed replies, only once the council has configured an SMTP server ({@code spring.mail.host}, from
 * which Spring Boot makes the {@link JavaMailSender}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.mail.host")
class ReplyEmailConfiguration {

  /** Beyond a slow SMTP conversation (its timeouts are 10 s each), so two instances never send one reply twice. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Bean
  ReplyEmailOutbox replyEmailOutbox(ChannelQueues queues, Conversations conversations, ObjectMapper json, Clock clock,
      RetentionProperties retention, ReplyEmailProperties settings) {
    requireSender(settings);
    return new ReplyEmailOutbox(queues, conversations, json, clock, retention.deliveryMarks());
  }

  @Bean(destroyMethod = "close")
  LaneWorkers replyEmailSenders(JavaMailSender mail, ReplyEmailOutbox outbox, Conversations conversations,
      CallBacks callBacks, ReplyEmailProperties settings, ChannelQueues queues, Clock clock) {
    var delivery = new ReplyEmailDelivery(mail, outbox, conversations, callBacks, settings, clock);
    LaneWorkers senders = new LaneWorkers(ReplyEmailOutbox.QUEUE, queues, clock, LEASE, delivery);
    outbox.wakeOnQueue(senders);
    senders.start(1);
    return senders;
  }

  private static void requireSender(ReplyEmailProperties settings) {
    String problem = "spring.mail.host is set, so staff replies are emailed: set townhall.email.from to the "
        + "address they come from (e.g. no-reply@council.gov.uk)";
    if (settings.from() == null || settings.from().isBlank()) {
      throw new IllegalStateException(problem);
    }
    try {
      new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalStateException(problem + "; \"" + settings.from() + "\" is not an address");
    }
  }
}
