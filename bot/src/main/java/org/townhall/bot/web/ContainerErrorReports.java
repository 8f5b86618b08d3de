package org.townhall.bot.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Requests that Tomcat refuses itself, before any Spring code runs (an encoded NUL or slash in the
 * path: {@code /api/webchat/conversations/%00/messages}), are answered {@code {"error": "a sentence"}}
 * like every other API error, instead of Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorReports {

  /** Runs after Spring Boot's own customizer, which puts a plain ErrorReportValve on the host. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
    return factory -> factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      Pipeline pipeline = host.getPipeline();
      for (Valve valve : pipeline.getValves()) {
        if (valve instanceof ErrorReportValve) {
          pipeline.removeValve(valve);
        }
      }
      // The host adds a valve of this class at start unless it finds one.
      host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
      pipeline.addValve(new JsonErrorReportValve());
    });
  }

  /** Tomcat's error report, as JSON and without server details. */
  public static class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String sentence = status < 500 ? "The request is malformed."
          : "Something went wrong on our side. Please try again.";
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write("{\"error\":\"" + sentence + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client has gone, or the response was taken over: nothing left to say.
      }
    }
  }
}
