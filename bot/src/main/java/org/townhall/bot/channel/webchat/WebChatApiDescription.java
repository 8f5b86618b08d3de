package org.townhall.bot.channel.webchat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the public web chat API, served at {@code /v3/api-docs} and generated
 * by springdoc from {@link WebChatController}; only {@code /api/webchat/**} is described (see
 * {@code springdoc.paths-to-match}), never the console's API.
 */
@Configuration(proxyBeanMethods = false)
class WebChatApiDescription {

  /** The security scheme of the conversation's bearer token. */
  static final String TOKEN = "conversationToken";

  @Bean
  OpenAPI webChatApi() {
    return new OpenAPI()
        .info(new Info().title("Townhall web chat API").version("1")
            .description("The public API a council's chat page talks to. All bodies are JSON. Errors are a 4xx "
                + "(or 503) with {\"error\": \"a sentence\"}, never a 500 for a client's mistake."))
        .components(new Components().addSecuritySchemes(TOKEN, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("bearer")
            .description("The token from starting the conversation")));
  }

  /** The longest message is a setting: the description gives the one in force. */
  @Bean
  OpenApiCustomizer messageLengthInForce(WebChatProperties properties) {
    return api -> {
      Schema<?> incoming = api.getComponents().getSchemas().get("Incoming");
      if (incoming != null && incoming.getProperties() != null && incoming.getProperties().get("text") != null) {
        incoming.getProperties().get("text").setMaxLength(properties.maxTextLength());
      }
    };
  }
}
