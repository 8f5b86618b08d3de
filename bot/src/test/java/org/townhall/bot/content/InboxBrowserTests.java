package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.WebChatClient;

/**
 * The editors' inbox page in real headless Chromium: a message a resident typed with an email address,
 * which the bot did not understand, shows redacted; the editor adds it to a topic, it becomes a training
 * phrase and a regression test of the draft, and leaves the page; several groups are dismissed at once
 * with the keyboard. The page passes axe-core's WCAG 2.2 AA check at a desk (1280×800) and on a phone
 * (390×844), where nothing scrolls sideways. An instance of its own, since it changes the draft.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InboxBrowserTests extends EditorsPageBrowserTest {


  @Test
  void anEditorAddsARedactedMessageToATopicAndItBecomesATrainingPhraseOfTheDraft() {
    WebChatClient resident = residentSays("zxqv plorf wibble jo.bloggs@example.com");
    String redacted = "zxqv plorf wibble [email]";
    // Not understood twice, the resident goes to a person, who records the topic when closing.
    resident.say("blorp snazzle frumious 07700 900123");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    assertThat(admin.postJson("/conversations/" + resident.conversationId + "/close",
        Map.of("wrapUp", "resolved", "topic", "report_pothole")).status()).isEqualTo(200);
    List<String> violations = new ArrayList<>();
    signInAsTheEditor();

    Browser.click(waiting(), By.partialLinkText("Inbox"));
    WebElement group = waiting().until(d -> groupSaying(redacted));
    assertThat(find("#inbox-count").getText()).matches("\\(\\d+ groups?\\)");
    assertThat(group.getText()).contains("1 time", "The bot did not understand it", "Web chat", "The bot guessed");
    assertThat(group.getText()).as("the classifier's out-of-scope label in words").doesNotContainPattern("\\boos\\b");
    assertThat(find("#view-inbox").getText()).doesNotContain("jo.bloggs", "example.com");
    WebElement handed = groupSaying("blorp snazzle frumious [phone]");
    assertThat(handed.getText()).contains("It went to a person", "Staff recorded the topic when closing");
    assertThat(new Select(handed.findElement(By.cssSelector("select"))).getFirstSelectedOption().getText())
        .as("the topic staff recorded is offered first").isEqualTo("Report a pothole");
    assertThat(handed.getText()).contains("Suggested from what staff recorded when closing.");
    violations.addAll(Axe.violations(browser, "inbox at 1280×800"));
    Browser.screenshot(browser, "content-inbox");

    browser.manage().window().setSize(new Dimension(390, 844));
    waiting().until(d -> ((Number) browser.executeScript("return window.innerWidth")).intValue() <= 390);
    assertThat(((Number) browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
        .as("nothing scrolls sideways on a phone; wider than the page: " + browser.executeScript(
            "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                + " > document.documentElement.clientWidth).map(e => e.tagName + '#' + e.id + '.' + e.className"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"))
        .isLessThanOrEqualTo(0);
    violations.addAll(Axe.violations(browser, "inbox at 390×844"));
    Browser.screenshot(browser, "content-inbox-phone");
    browser.manage().window().setSize(new Dimension(1280, 800));

    groupSaying("blorp snazzle frumious [phone]").findElement(By.xpath(".//button[normalize-space()='Dismiss']"))
        .sendKeys(Keys.ENTER);
    waiting().until(d -> find("#inbox-status").getText().startsWith("Dismissed 1 message; the draft did not change."));
    assertThat(groupSaying("blorp snazzle frumious [phone]")).isNull();
    group = groupSaying(redacted);
    new Select(group.findElement(By.cssSelector("select"))).selectByVisibleText("Report a pothole");
    group.findElement(By.xpath(".//button[normalize-space()='Add to this topic']")).click();
    waiting().until(d -> find("#inbox-status").getText().contains("Added 1 message to the topic \"Report a pothole\""));
    assertThat(find("#inbox-status").getText()).contains("regression test file", "once the draft is published");
    assertThat(groupSaying(redacted)).as("the decided group leaves the page").isNull();
    waiting().until(d -> !find("#draft-count").getText().isEmpty());
    assertThat((String) browser.executeScript("return document.activeElement.tagName")).isIn("H2", "H3");
    violations.addAll(Axe.violations(browser, "inbox after a decision"));

    assertThat(admin.get("/content/draft/file?path=" + ContentEditor.path(ContentEditor.POTHOLE)).raw().body())
        .contains(redacted);
    assertThat(admin.get("/content/draft/file?path=" + ContentEditor.path("tests/inbox.jsonl")).raw().body())
        .contains("{\"text\":\"" + redacted + "\",\"intent\":\"report_pothole\"}");
    assertThat(admin.get("/content/inbox").json().toString()).doesNotContain("plorf");

    Browser.click(waiting(), By.linkText("See the draft"));
    waiting().until(d -> find("#draft-changes").getText().contains("Report a pothole"));
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void anEditorDismissesGroupsAtOnceWithTheKeyboardAndIsToldWhichOneSomeoneElseDecidedFirst() {
    List<String> examples = List.of("frobnitz quuxle zorp", "glimmer vontrax spleen [phone]", "plinth wuzzle krang");
    residentSays("frobnitz quuxle zorp");
    residentSays("glimmer vontrax spleen 07700 900123");
    residentSays("plinth wuzzle krang");
    signInAsTheEditor();

    Browser.click(waiting(), By.partialLinkText("Inbox"));
    waiting().until(d -> examples.stream().allMatch(e -> groupSaying(e) != null));
    for (String example : examples) {
      groupSaying(example).findElement(By.cssSelector(".inbox-select")).sendKeys(Keys.SPACE);
    }
    assertThat(find("#inbox-selected").getText()).isEqualTo("3 groups selected.");
    // Another editor decides one of them while this page shows it.
    String taken = null;
    for (var group : admin.get("/content/inbox").json().path("groups")) {
      if (group.path("example").asText().equals("plinth wuzzle krang")) {
        taken = group.path("groupKey").asText();
      }
    }
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", taken, "decision", "dismissed"))
        .status()).isEqualTo(200);

    new Select(find("#inbox-bulk-decision")).selectByValue("dismissed");
    assertThat(find("#inbox-bulk-topic").isDisplayed()).as("dismissing names no topic").isFalse();
    find("#inbox-bulk-apply").sendKeys(Keys.ENTER);
    waiting().until(d -> find("#confirm").isDisplayed());
    assertThat(find("#confirm-title").getText()).isEqualTo("Dismiss 3 groups?");
    List<String> violations = new ArrayList<>(Axe.violations(browser, "inbox bulk confirmation"));
    find("#confirm-yes").sendKeys(Keys.ENTER);

    waiting().until(d -> find("#inbox-status").getText().startsWith("2 groups decided. Dismissed 2 messages"));
    assertThat(find("#inbox-status").getText()).contains("Not decided (1): \"plinth wuzzle krang\": Someone has "
        + "decided it already, or it is gone.");
    for (String example : examples) {
      assertThat(groupSaying(example)).as(example + " leaves the page").isNull();
    }
    assertThat(find("#draft-count").getText()).as("dismissing leaves the draft as it was").isEmpty();
    assertThat(admin.get("/content/inbox").json().toString()).doesNotContain("frobnitz", "vontrax");
    violations.addAll(Axe.violations(browser, "inbox after a bulk decision"));
    Browser.screenshot(browser, "content-inbox-bulk");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  /** A resident the bot does not understand, in the web chat. */
  @Test
  void aConcernTheCheckMissedComesFirstAndTeachesTheCheckWhenTheEditorSaysSo() {
    WebChatClient resident = residentSays("zorbly wimple can you tell me about the lodger rules");
    assertThat(admin.postJson("/conversations/" + resident.conversationId + "/safeguarding",
        Map.of("category", "adult_at_risk")).status()).isEqualTo(200);
    signInAsTheEditor();

    Browser.click(waiting(), By.partialLinkText("Inbox"));
    WebElement group = waiting().until(d -> groupSaying("zorbly wimple can you tell me about the lodger rules"));
    assertThat(browser.findElements(By.cssSelector("#inbox-groups > li")).get(0).getText())
        .as("a possible miss comes first").contains("zorbly wimple");
    assertThat(group.getText()).contains("Staff marked a safeguarding concern on this conversation that the check "
        + "had not raised (An adult at risk)");
    List<String> violations = new ArrayList<>(Axe.violations(browser, "inbox with a missed concern"));
    Browser.screenshot(browser, "content-inbox-missed-concern");
    Browser.click(waiting(), By.xpath("//button[normalize-space()='Teach the safeguarding check']"));
    waiting().until(d -> find("#inbox-status").getText().startsWith("Added 1 message to the safeguarding check's"));
    assertThat(new ContentEditor(admin).file("safeguarding/categories/adult_at_risk.yml").raw().body())
        .contains("- \"zorbly wimple can you tell me about the lodger rules\"");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  private static WebChatClient residentSays(String text) {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    assertThat(resident.say(text).status()).isEqualTo(202);
    return resident;
  }

  /** The group on the page whose example is {@code text}, or null. */
  private WebElement groupSaying(String text) {
    for (WebElement group : browser.findElements(By.cssSelector("#inbox-groups > li"))) {
      if (group.findElement(By.cssSelector("h3")).getText().equals("\"" + text + "\"")) {
        return group;
      }
    }
    return null;
  }

}
