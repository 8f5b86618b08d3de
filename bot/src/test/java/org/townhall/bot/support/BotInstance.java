package org.townhall.bot.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.townhall.bot.TownhallApplication;

/**
 * One whole bot instance on a free loopback port, started outside the Spring test context cache so
 * that a test can run several side by side (as behind a load balancer) and close them when done.
 */
public final class BotInstance implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private BotInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts an instance with these {@code key=value} properties on top of the defaults. */
  public static BotInstance start(String... properties) {
    // As command-line arguments, so that they win over application.yml (default properties would not).
    List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
        "--spring.main.banner-mode=off"));
    // Roomy rate limits unless the test sets one itself (a property given twice would become a list).
    for (String roomy : TownhallTest.ROOMY_RATES) {
      String key = roomy.substring(0, roomy.indexOf('=') + 1);
      if (java.util.Arrays.stream(properties).noneMatch(p -> p.startsWith(key))) {
        args.add("--" + roomy);
      }
    }
    for (String property : properties) {
      args.add("--" + property);
    }
    return new BotInstance(new SpringApplicationBuilder(TownhallApplication.class).run(args.toArray(String[]::new)));
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** What this instance's conversation store holds. */
  public org.townhall.bot.conversation.StoredConversations stored() {
    return new org.townhall.bot.conversation.StoredConversations(context);
  }

  public <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
  }

  /** Publishes an application event inside this instance, as its own code would. */
  public void publish(Object event) {
    context.publishEvent(event);
  }

  @Override
  public void close() {
    context.close();
  }
}
