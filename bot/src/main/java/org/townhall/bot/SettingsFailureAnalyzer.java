package org.townhall.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A setting that breaks a {@code @Validated} settings record stops start-up with the setting's name
 * as written in application.yml ({@code townhall.webchat.max-text-length}), its value and why.
 * Spring Boot's own report names the Java field ({@code townhall.webchat.maxTextLength}) and shows
 * the written name only when the value's source records it, which environment variables and YAML
 * files do not.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> {

  /** Settings whose value is never printed: a password or token, or a URL that may hold one. */
  private static final Pattern SECRET = Pattern.compile("password|secret|token|redis\\.url");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
    String group = cause.getValidationErrors().getName().toString();
    List<String> lines = new ArrayList<>();
    for (ObjectError error : cause.getValidationErrors()) {
      if (error instanceof FieldError field) {
        Origin origin = Origin.from(field);
        String name = group + "." + DataObjectPropertyName.toDashedForm(field.getField());
        String value = SECRET.matcher(name).find() ? "(not shown)" : "\"" + field.getRejectedValue() + "\"";
        lines.add("  " + name + " = " + value + ": " + field.getDefaultMessage()
            + (origin == null ? "" : " (from " + origin + ")"));
      } else {
        lines.add("  " + group + ": " + error.getDefaultMessage());
      }
    }
    return new FailureAnalysis("Invalid settings under '" + group + "':\n" + String.join("\n", lines),
        "Correct these settings (README, Configuration, lists them all with their defaults).", cause);
  }
}
