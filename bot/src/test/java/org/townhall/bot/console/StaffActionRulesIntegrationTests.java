package org.townhall.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Every staff action's rule, as the README's console API table states it, in one table: who may
 * act on a conversation that waits, on their own, and on a colleague's.
 */
@TownhallTest
class StaffActionRulesIntegrationTests {

  private static final AtomicInteger PEOPLE = new AtomicInteger();

  @LocalServerPort
  int port;

  /**
   * @param action the console call after {@code /conversations/{id}/}
   * @param body its JSON body, or null
   * @param whileWaiting the status for anyone while the conversation waits
   * @param byOwner the status for the member of staff who has it
   * @param byColleague the status for another member of staff while someone has it
   */
  record Rule(String action, Map<String, Object> body, int whileWaiting, int byOwner, int byColleague) {

    @Override
    public String toString() {
      return action;
    }
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        new Rule("claim", null, 200, 409, 409),
        new Rule("messages", Map.of("text", "Hello"), 409, 200, 409),
        new Rule("typing", null, 409, 204, 409),
        new Rule("notes", Map.of("text", "called back"), 200, 200, 200),
        new Rule("transfer", Map.of("team", "housing"), 200, 200, 409),
        new Rule("release", null, 409, 200, 409),
        new Rule("close", Map.of("wrapUp", "resolved"), 200, 200, 409),
        new Rule("safeguarding", Map.of("category", "adult_at_risk"), 200, 200, 200)).map(Arguments::of);
  }

  private StaffClient admin() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  private StaffClient newAgent() {
    String username = "rules" + PEOPLE.incrementAndGet();
    assertThat(admin().postJson("/admin/staff", Map.of("username", username, "password", username + "-password",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    StaffClient agent = new StaffClient(port);
    assertThat(agent.signIn(username, username + "-password").status()).isEqualTo(302);
    return agent;
  }

  private String waitingConversation() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("can I speak to a person");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    return resident.conversationId;
  }

  private static Reply act(StaffClient who, String id, Rule rule) {
    String path = "/conversations/" + id + "/" + rule.action();
    return rule.body() == null ? who.post(path) : who.postJson(path, rule.body());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void eachActionFollowsTheReadmesRule(Rule rule) {
    StaffClient owner = newAgent();
    StaffClient colleague = newAgent();

    assertThat(act(colleague, waitingConversation(), rule).status()).as("anyone while waiting")
        .isEqualTo(rule.whileWaiting());

    String owned = waitingConversation();
    assertThat(owner.post("/conversations/" + owned + "/claim").status()).isEqualTo(200);
    assertThat(act(colleague, owned, rule).status()).as("a colleague's conversation").isEqualTo(rule.byColleague());
    assertThat(act(owner, owned, rule).status()).as("the owner").isEqualTo(rule.byOwner());
  }
}
