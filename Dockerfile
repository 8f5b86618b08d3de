# The bot as a container image: built with the project's Maven wrapper on a JDK, run on a JRE as a
# user without privileges. Tests are not run here (they need redis-server and Chromium): run
# ./mvnw -B -ntp verify before building an image to ship. See README "Run with Docker Compose".

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The Maven repository is cached between builds (BuildKit), so a rebuild does not download it again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 townhall \
    && useradd --system --uid 10001 --gid townhall --create-home --home-dir /home/townhall townhall
WORKDIR /app
COPY --from=build /src/bot/target/bot.jar /app/bot.jar
USER townhall:townhall
# Models trained from the content pack are kept here between starts (townhall.content.model-cache):
# mount a volume on it, and a restart with the same content loads them instead of training again.
RUN mkdir -p /home/townhall/.cache/townhall/models
VOLUME /home/townhall/.cache/townhall/models
# 8080: residents, staff and Telegram's webhook. 8081: health, readiness and metrics, when
# MANAGEMENT_SERVER_PORT=8081 is set (compose.yaml does): never publish it through the public proxy.
EXPOSE 8080 8081
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/bot.jar"]
