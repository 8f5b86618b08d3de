package org.townhall.bot.support;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.WebDriver;

/** Deque's axe-core WCAG 2.0–2.2 A and AA rules, run in the real browser on the page as it is now. */
public final class Axe {

  private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Axe() {}

  /** Every violation on the page now, each as one line naming {@code page}, the rule and the element. */
  public static List<String> violations(WebDriver browser, String page) {
    Results results = new AxeBuilder().withTags(WCAG_AA).analyze(browser);
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      rule.getNodes().forEach(node -> found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") "
          + rule.getHelp() + " at " + node.getTarget() + " — " + node.getFailureSummary()));
    }
    return found;
  }
}
