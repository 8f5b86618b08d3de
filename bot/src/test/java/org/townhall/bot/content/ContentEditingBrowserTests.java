package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.WebChatClient;

/**
 * A content editor who is not an agent, in real headless Chromium at 1280×800: signs in and lands on
 * the editors' pages, changes the pothole answer in its form, sees it in the preview, tries a
 * sentence against the draft, publishes it, and a resident in the web chat gets the new answer. Every
 * state of the editors' pages is checked against WCAG 2.2 AA with axe-core. An instance of its own,
 * since it publishes (screenshots in {@code target/screenshots/}).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ContentEditingBrowserTests extends EditorsPageBrowserTest {

  private static final String NEW_ANSWER = "Report a pothole with a photo on our new roads form.";
  private static final String POTHOLE = "there's a massive pothole on my road";

  @Test
  void anEditorChangesAnAnswerTriesItPublishesItAndAResidentGetsIt() {
    signInAsTheEditor();

    find("#topic-search").sendKeys("pothole");
    waiting().until(d -> d.findElements(By.cssSelector("#topics tbody tr")).size() < 10);
    Browser.click(waiting(), By.linkText("Report a pothole"));
    waiting().until(d -> find("#topic-answer").getDomProperty("value").startsWith("You can report a pothole"));
    assertThat(find("#topic-id").getDomProperty("readOnly")).isEqualTo("true");
    assertThat(new Select(find("#topic-team")).getFirstSelectedOption().getText()).isEqualTo("Highways");

    WebElement answer = find("#topic-answer");
    answer.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    answer.sendKeys(NEW_ANSWER);
    assertThat(find("#topic-answer-count").getText()).isEqualTo(NEW_ANSWER.length() + " of 4,000 characters");
    String webChat = find("#preview-webchat").getText();
    assertThat(webChat).contains(NEW_ANSWER).contains("https://www.example.gov.uk/roads/report-a-pothole")
        .contains("Did that help?").contains("Report a street light");
    assertThat(find("#preview-telegram").getText()).contains(NEW_ANSWER).contains("Report a blocked drain");
    assertThat(browser.findElements(By.cssSelector("#preview-flags li"))).isEmpty();
    Browser.screenshot(browser, "content-topic-preview");

    find("#topic-save").click();
    waiting().until(d -> find("#topic-saved").getText().startsWith("Saved to the draft."));
    waiting().until(d -> find("#topic-changes").getText().contains(NEW_ANSWER));
    assertThat(browser.findElements(By.cssSelector("#topic-changes ins.add")))
        .anySatisfy(line -> assertThat(line.getText()).startsWith("+").contains("Report a pothole with a photo"));
    assertThat(browser.findElements(By.cssSelector("#topic-changes del.remove")))
        .anySatisfy(line -> assertThat(line.getText()).startsWith("−").contains("You can report a pothole"));
    assertThat(find("#draft-count").getText()).isEqualTo("(1 change)");

    Browser.click(waiting(), By.linkText("Try a sentence"));
    find("#try-text").sendKeys(POTHOLE);
    find("#try-go").click();
    training().until(d -> find("#try-draft").getText().contains(NEW_ANSWER));
    assertThat(find("#try-live").getText()).contains("You can report a pothole").contains("Report a pothole");
    assertThat(find("#try-draft").getText()).contains("Answers").containsPattern("Confidence\\s+\\d{1,3}%");
    Browser.screenshot(browser, "content-try");

    Browser.click(waiting(), By.partialLinkText("Draft and publish"));
    waiting().until(d -> find("#draft-changes").getText().contains("Report a pothole"));
    assertThat(find("#draft-edits").getText()).contains(EDITOR + " changed Topic \"Report a pothole\"");
    find("#publish-message").sendKeys("New roads form for potholes");
    find("#publish").click();
    training().until(d -> find("#publication").getText().contains("is live"));
    assertThat(find("#publication").getText()).contains("New roads form for potholes").contains(EDITOR);
    waiting().until(d -> find("#draft-summary").getText().contains("nothing to publish"));
    Browser.screenshot(browser, "content-published");

    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    assertThat(resident.say(POTHOLE).status()).isEqualTo(202);
    assertThat(resident.messages(0).json().path("messages").findValuesAsText("text")).contains(NEW_ANSWER
        + "\nhttps://www.example.gov.uk/roads/report-a-pothole");
  }

  @Test
  void aDraftThatUnderstandsResidentsWorseIsCheckedAndBlockedUntilAnAdministratorPublishesItWithAReason()
      throws Exception {
    int live = admin.get("/content/versions").json().path("live").asInt();
    ContentEditor editor = new ContentEditor(admin);
    assertThat(editor.putIntent("report_pothole", editor.potholeForm(null, List.of("report a pothole")), null, null)
        .status()).isEqualTo(200);
    List<String> violations = new ArrayList<>();

    signInAsTheEditor();
    browser.get(url("/console/content.html#draft"));
    waiting().until(d -> find("#evaluation-state").getText().startsWith("Checking the draft: step")
        || !d.findElements(By.cssSelector("#evaluation .verdict")).isEmpty());
    checking().until(d -> !d.findElements(By.cssSelector("#evaluation .verdict")).isEmpty());
    String verdict = find("#evaluation .verdict").getText();
    assertThat(verdict).startsWith("The check blocks publishing:").contains("Report a pothole falls from")
        .contains("on the test messages in holdout.jsonl").contains("ask an administrator to publish it anyway");
    assertThat(find("#evaluation-result").getText()).contains("Topics understood less well").contains("Test messages");
    assertThat(find("#override-field").isDisplayed()).as("only an administrator may override").isFalse();
    // the messages the draft now gets wrong, and the topics it understands better, are folded away
    browser.findElements(By.cssSelector("#evaluation-result details summary")).forEach(WebElement::click);
    assertThat(find("#evaluation-result").getText()).contains("should be \"Report a pothole\"");
    violations.addAll(Axe.violations(browser, "a draft blocked by its check"));
    Browser.screenshot(browser, "content-check-blocked");
    find("#publish-message").sendKeys("Fewer pothole phrases");
    find("#publish").click();
    waiting().until(d -> find("#content-message").getText().contains("An administrator can publish it anyway"));

    browser.quit();
    browser = Browser.start();
    signIn("admin", org.townhall.bot.support.TownhallTest.ADMIN_PASSWORD);
    browser.get(url("/console/content.html#draft"));
    waiting().until(d -> find("#override-field").isDisplayed());
    assertThat(find("#evaluation .verdict").getText()).contains("As an administrator you can publish it anyway");
    violations.addAll(Axe.violations(browser, "the check's override for an administrator"));
    find("#publish-message").sendKeys("Fewer pothole phrases");
    find("#publish-override").sendKeys("the old phrases are being rewritten this week");
    find("#publish").click();
    training().until(d -> find("#publication").getText().contains("is live"));
    assertThat(find("#publication").getText()).contains("published despite the evaluation: the old phrases are being "
        + "rewritten this week");
    assertThat(admin.get("/admin/audit").raw().body()).contains("content-publish-override");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();

    // the other tests here expect the built-in phrases
    assertThat(admin.postJson("/content/rollback", Map.of("version", live, "message", "Phrases back")).status())
        .isEqualTo(202);
    new ContentEditor(admin).awaitPublished(live + 2);
  }

  @Test
  void aChangeToSafeguardingHelpWaitsOnThePageUntilASecondAdministratorApprovesIt() {
    StaffClient edna = new StaffClient(bot.port());
    assertThat(edna.signIn(EDITOR, EDITOR_PASSWORD).status()).isEqualTo(302);
    ContentEditor editor = new ContentEditor(edna);
    String path = "safeguarding/categories/fire_smoke.yml";
    String before = editor.file(path).raw().body();
    assertThat(editor.put(path, before.replaceFirst("help: >-\n", "help: >-\n  Get everyone out now.\n"))
        .json().path("problems")).isEmpty();
    int live = admin.get("/content/versions").json().path("live").asInt();
    assertThat(editor.publish("Clearer fire help").json().path("state").asText()).isEqualTo("awaiting approval");
    List<String> violations = new ArrayList<>();

    signInAsTheEditor();
    browser.get(url("/console/content.html#draft"));
    waiting().until(d -> find("#approval").isDisplayed());
    assertThat(find("#approval-text").getText()).contains(EDITOR + " asked on").contains("\"Clearer fire help\"");
    assertThat(find("#approval-files").getText()).isEqualTo("Safeguarding: fire smoke");
    assertThat(find("#approval-hint").getText()).startsWith("An administrator other than you must approve it");
    assertThat(find("#approval-actions").isDisplayed()).isFalse();
    assertThat(find("#publication").getText()).contains("waits for a second person to approve it");
    violations.addAll(Axe.violations(browser, "a safeguarding change waiting for approval"));

    assertThat(admin.postJson("/admin/staff", Map.of("username", "lead", "password", "safeguarding-lead-password",
        "roles", List.of("ADMIN"), "teams", List.of())).status()).isEqualTo(200);
    browser.quit();
    browser = Browser.start();
    signIn("lead", "safeguarding-lead-password");
    browser.get(url("/console/content.html#draft"));
    waiting().until(d -> find("#approval-actions").isDisplayed());
    violations.addAll(Axe.violations(browser, "approval for an administrator"));
    find("#approve").click();
    waiting().until(d -> find("#confirm").isDisplayed());
    find("#confirm-yes").click();
    training().until(d -> find("#publication").getText().contains("is live"));
    assertThat(admin.get("/content/versions").json().path("versions").get(0).path("approvedBy").asText())
        .isEqualTo("lead");
    assertThat(admin.get("/content/versions").json().path("live").asInt()).isEqualTo(live + 1);
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void anEditorWhoseTopicSomeoneElseChangedMeanwhileIsToldInsteadOfUndoingIt() {
    signInAsTheEditor();
    Browser.click(waiting(), By.linkText("Report a pothole"));
    waiting().until(d -> find("#topic-answer").getDomProperty("value").startsWith("You can report a pothole"));

    ContentEditor other = new ContentEditor(admin);
    assertThat(other.put(ContentEditor.POTHOLE, other.potholeAnswerSaying("An administrator's answer.")).status())
        .isEqualTo(200);
    WebElement answer = find("#topic-answer");
    answer.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    answer.sendKeys(NEW_ANSWER);
    find("#topic-save").click();
    waiting().until(d -> find("#content-message").getText().startsWith("Not saved: admin changed it at"));
    assertThat(find("#content-message").getText()).contains("Your changes are still in the form");
    assertThat(find("#topic-answer").getDomProperty("value")).isEqualTo(NEW_ANSWER);
    assertThat(admin.get("/content/intents/report_pothole").json().path("answer").path("text").asText())
        .startsWith("An administrator's answer.");

    browser.navigate().refresh();
    waiting().until(d -> find("#topic-answer").getDomProperty("value").startsWith("An administrator's answer."));
    answer = find("#topic-answer");
    answer.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    answer.sendKeys(NEW_ANSWER);
    find("#topic-save").click();
    waiting().until(d -> find("#topic-saved").getText().startsWith("Saved to the draft."));
  }

  @Test
  void anEditorUploadsBinRoundsSeesTheMistakeByLineThenWhatResidentsWouldBeTold() throws Exception {
    String rounds = admin.get("/content/rounds/current").raw().body();
    java.nio.file.Path broken = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("rounds", ".csv"),
        "area,round,day,weeks,bins\nCF10,R1,Monday,weekly,recycling\nCF11,R2,Funday,weekly,recycling\n");
    java.nio.file.Path moved = java.nio.file.Files.writeString(java.nio.file.Files.createTempFile("rounds", ".csv"),
        rounds.replace("CF11,CF11-WED,Wednesday", "CF11,CF11-THU,Thursday"));
    List<String> violations = new ArrayList<>();

    signInAsTheEditor();
    Browser.click(waiting(), By.linkText("Bin rounds"));
    waiting().until(d -> find("#rounds-state").getText().equals("The draft uses the rounds in use now."));
    find("#rounds-file").sendKeys(broken.toString());
    find("#rounds-send").click();
    waiting().until(d -> find("#rounds-problems").getText().contains("Line 3: Day 'Funday' is not a day of the week"));
    assertThat(find("#rounds-preview-form").isDisplayed()).isFalse();
    violations.addAll(Axe.violations(browser, "a rounds file with a mistake"));

    find("#rounds-file").sendKeys(moved.toString());
    find("#rounds-send").click();
    waiting().until(d -> find("#rounds-result").getText().contains("1 area changed"));
    assertThat(find("#rounds-result").getText()).contains("CF11").contains("Wednesdays").contains("Thursdays");
    find("#rounds-postcodes").sendKeys("CF11 6AA, CF10 1EP");
    find("#rounds-preview").click();
    waiting().until(d -> find("#rounds-result").getText().contains("CF10 1EP"));
    assertThat(find("#draft-count").getText()).isEqualTo("(1 change)");
    violations.addAll(Axe.violations(browser, "a new rounds file previewed"));
    Browser.screenshot(browser, "content-rounds");

    find("#rounds-remove").click();
    waiting().until(d -> find("#rounds-state").getText().startsWith("Took the new rounds file out of the draft"));
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void everyStateOfTheEditorsPagesMeetsWcagAa() throws Exception {
    List<String> violations = new ArrayList<>();
    signInAsTheEditor();
    violations.addAll(Axe.violations(browser, "topics"));

    // A phrase another topic has, and a quick reply over Telegram's 64 bytes: problems and flags shown.
    Browser.click(waiting(), By.linkText("Report a pothole"));
    waiting().until(d -> !find("#topic-answer").getDomProperty("value").isEmpty());
    find("#topic-phrases").sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\nwhen is my bin collected");
    find("#topic-option-add").click();
    find("#topic-option-3").sendKeys("€".repeat(22));
    waiting().until(d -> !d.findElements(By.cssSelector("#preview-flags li")).isEmpty());
    find("#topic-save").click();
    waiting().until(d -> find("#topic-phrases-error").getText().contains("when is my bin collected"));
    assertThat(find("#topic-phrases-error").getText()).contains("Bin collection day");
    assertThat(find("#topic-summary").getText()).contains("Duplicate phrase");
    violations.addAll(Axe.violations(browser, "topic with problems and a Telegram flag"));
    Browser.screenshot(browser, "content-topic-problems");

    find("#topic-retire").click();
    waiting().until(d -> find("#confirm").isDisplayed());
    violations.addAll(Axe.violations(browser, "retire dialog"));
    find("#confirm-no").click();

    browser.get(url("/console/content.html#topic-new"));
    waiting().until(ExpectedConditions.textToBe(By.id("topic-heading"), "Add a topic"));
    find("#topic-title").sendKeys("Report a pothole");
    assertThat(find("#topic-id").getDomProperty("value")).isEqualTo("report_a_pothole");
    find("#topic-save").click();
    waiting().until(d -> find("#topic-summary").isDisplayed());
    assertThat(find("#topic-summary").getText()).contains("Choose a team.").contains("Write the answer.");
    violations.addAll(Axe.violations(browser, "new topic with the form's own errors"));

    browser.get(url("/console/content.html#try"));
    find("#try-text").sendKeys(POTHOLE);
    find("#try-go").click();
    training().until(d -> find("#try-state").getText().startsWith("The draft cannot")
        || find("#try-state").getText().startsWith("Done"));
    violations.addAll(Axe.violations(browser, "try a sentence"));

    browser.get(url("/console/content.html#draft"));
    waiting().until(d -> !d.findElements(By.cssSelector("#draft-problems .error-summary")).isEmpty());
    violations.addAll(Axe.violations(browser, "draft with changes and problems"));

    browser.get(url("/console/content.html#files"));
    Browser.click(waiting(), By.linkText("Signposts"));
    waiting().until(d -> find("#file-text").getDomProperty("value").contains("signposts:"));
    find("#file-text").sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME), "oops: [\n");
    find("#file-save").click();
    waiting().until(d -> !d.findElements(By.cssSelector("#file-problems button")).isEmpty());
    violations.addAll(Axe.violations(browser, "other files with a problem"));
    Browser.screenshot(browser, "content-files");

    browser.get(url("/console/content.html#history"));
    waiting().until(d -> !d.findElements(By.cssSelector("#versions tbody tr")).isEmpty());
    new Select(find("#compare-from")).selectByValue("0");
    find("#compare").click();
    waiting().until(d -> find("#compare-result").getText().contains("files changed"));
    byte[] shipped = new ContentEditor(admin).export("versions/0/export");
    java.nio.file.Path zip = java.nio.file.Files.createTempFile("townhall-content", ".zip");
    java.nio.file.Files.write(zip, shipped);
    find("#import-file").sendKeys(zip.toString());
    find("#import").click();
    waiting().until(d -> find("#import-result").getText().contains("Imported"));
    violations.addAll(Axe.violations(browser, "history with a comparison and an import"));
    Browser.screenshot(browser, "content-history");

    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  /**
   * An answer past its review-by date is at the top of "Due for review", said in words ("Overdue by
   * 400 days"), with its date written out; its link opens the topic's form with the date to change.
   */
  @Test
  void anOverdueAnswerIsAtTheTopOfDueForReviewAndOpensItsForm() throws Exception {
    JsonNode pothole = admin.get("/content/intents/report_pothole").json();
    java.time.LocalDate today = java.time.LocalDate.parse(admin.get("/content/reviews").json().path("today").asText());
    java.time.LocalDate overdue = today.minusDays(400);
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("title", pothole.path("title").asText());
    form.put("team", "highways");
    List<String> phrases = new ArrayList<>();
    pothole.path("phrases").forEach(p -> phrases.add(p.asText()));
    form.put("phrases", phrases);
    form.put("answer", Map.of("text", pothole.path("answer").path("text").asText(),
        "review", Map.of("by", overdue.toString(), "source", "https://www.example.gov.uk/roads/report-a-pothole")));
    assertThat(admin.send(admin.request("/api/console/content/intents/report_pothole").header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form))).status()).isEqualTo(200);

    List<String> violations = new ArrayList<>();
    signInAsTheEditor();
    waiting().until(d -> !d.findElements(By.cssSelector("#reviews-table tbody tr")).isEmpty());
    WebElement first = find("#reviews-table tbody tr");
    assertThat(first.getText()).contains("Report a pothole").contains("Overdue by 400 days")
        .contains(overdue.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)))
        .contains("Highways").contains("www.example.gov.uk/roads/report-a-pothole");
    assertThat(find("#reviews-caption").getText()).contains("overdue first").contains("in the draft");
    assertThat(find("#reviews-state").getText()).containsPattern("\\d+ answers? to review, [1-9]\\d* overdue");
    violations.addAll(Axe.violations(browser, "topics with an answer overdue for review"));
    Browser.screenshot(browser, "content-due-for-review");

    first.findElement(By.linkText("Report a pothole")).click();
    waiting().until(d -> overdue.toString().equals(find("#topic-reviewby").getDomProperty("value")));
    assertThat(find("#topic-source").getDomProperty("value")).isEqualTo("https://www.example.gov.uk/roads/report-a-pothole");
    assertThat(new Select(find("#topic-owner")).getFirstSelectedOption().getText()).isEqualTo("The topic's team");
    violations.addAll(Axe.violations(browser, "topic form with its review"));

    // Marked reviewed: the next date, saved through the form (a date box's typing depends on the locale).
    String next = today.plusYears(1).toString();
    browser.executeScript("arguments[0].value = arguments[1];"
        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", find("#topic-reviewby"), next);
    find("#topic-save").click();
    waiting().until(d -> find("#topic-saved").getText().startsWith("Saved to the draft."));
    assertThat(admin.get("/content/intents/report_pothole").json().path("answer").path("review").path("by").asText())
        .isEqualTo(next);
    Browser.click(waiting(), By.linkText("Back to all topics"));
    // The list is read again (emptied while it loads), and the answer is no longer on it.
    waiting().until(d -> !find("#reviews-state").getText().startsWith("Looking")
        && d.findElements(By.cssSelector("#reviews-table tbody tr")).stream()
            .noneMatch(tr -> tr.getText().contains("Report a pothole")));
    assertThat(find("#reviews-state").getText()).doesNotStartWith("Cannot");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Override
  void signInAsTheEditor() {
    super.signInAsTheEditor();
    waiting().until(d -> d.findElements(By.cssSelector("#topics tbody tr")).size() > 40);
    assertThat(find("#queue-link").isDisplayed()).as("an editor who is not an agent has no queue").isFalse();
  }

  /** Preparing or publishing a version trains models (or loads them from the model cache). */
  private WebDriverWait training() {
    return waiting(Duration.ofSeconds(120));
  }

  /** The check before publishing cross-validates the live version and the draft (two folds here). */
  private WebDriverWait checking() {
    return waiting(Duration.ofSeconds(240));
  }

}
