# Builds the service with the project's Maven wrapper and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/learnings-service-*.jar /build/app.jar

FROM eclipse-temurin:17-jre
# git (and ssh for ssh remotes) for git sync (learnings.repos[N].git), which runs the git command
RUN apt-get update && apt-get install -y --no-install-recommends git openssh-client \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /data learnings && mkdir -p /data /repo && chown learnings /data /repo
WORKDIR /app
COPY --from=build /build/app.jar app.jar
COPY config config
USER learnings
ENV LEARNINGS_DATA_DIR=/data \
    LEARNINGS_REPOS_0_NAME=default \
    LEARNINGS_REPOS_0_ROOT=/repo \
    SERVER_ADDRESS=0.0.0.0 \
    GIT_CONFIG_COUNT=1 \
    GIT_CONFIG_KEY_0=safe.directory \
    GIT_CONFIG_VALUE_0=/repo
# (the mounted checkout belongs to another uid than the service's; without safe.directory
# git refuses to work in it)
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && grep -q "\"UP\"" <&3'
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
