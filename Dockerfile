# statwall's container image: `docker build -t statwall .` (or `podman build --format docker -t statwall .`)
#
# One image for every role: standalone (the default), hub, agent or simulator, chosen at
# run time by environment variables that Spring Boot's relaxed binding maps onto
# statwall.* properties, for example:
#   STATWALL_ROLE=hub   STATWALL_HUB_TOKEN=...                    -> statwall.role, statwall.hub-token
#   STATWALL_ROLE=agent STATWALL_HUB_URL=http://hub:8080 STATWALL_HUB_TOKEN=...
#   STATWALL_NODE_NAME=web-1                                      -> statwall.node-name
# See deploy/compose.yaml and deploy/kubernetes/statwall.yaml.

# ---- build stage: the Maven wrapper builds the jar, then it is split into layers ----
FROM docker.io/library/eclipse-temurin:21-jdk AS build
LABEL dev.statwall.stage=build
WORKDIR /workspace

# The wrapper fetches Maven itself (with curl, wget or, failing both, the JDK's own Java),
# so the build stage needs nothing but the JDK. Resolving dependencies before the sources
# come in keeps them in a layer of their own that only a change of pom.xml rebuilds.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp dependency:go-offline

COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package \
 && cp target/statwall-*.jar target/statwall.jar \
 && java -Djarmode=tools -jar target/statwall.jar extract --layers --destination /layers

# The HEALTHCHECK's client: see src/container/HealthCheck.java for why not curl.
RUN javac --release 17 -d /healthcheck src/container/HealthCheck.java

# ---- runtime stage: a JRE, the layers, a non-root user ----
FROM docker.io/library/eclipse-temurin:21-jre

LABEL dev.statwall.stage=runtime \
      org.opencontainers.image.title="statwall" \
      org.opencontainers.image.description="Live system monitor: cards of per-second stats for one node or a whole cluster"

RUN groupadd --system --gid 10001 statwall \
 && useradd --system --uid 10001 --gid statwall --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin statwall \
 && mkdir -p /data \
 && chown statwall:statwall /data

WORKDIR /app
# Least-changing layer first: a code change rebuilds only the last (small) layers. The extracted
# layout (statwall.jar and lib/), not the launcher: class data sharing needs classes on the class path.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY --from=build /healthcheck/ /opt/statwall/healthcheck/

# Class data sharing (Spring Boot's CDS support): a training run starts the application context,
# stops after refresh, and keeps the classes it loaded in statwall.jsa, made by this image's own
# JVM as it must be. A start then maps them instead of loading, verifying and parsing each class.
RUN java -XX:ArchiveClassesAtExit=statwall.jsa -Dspring.context.exit=onRefresh -jar statwall.jar \
      --statwall.role=hub --statwall.hub.token=training --statwall.data-dir=/tmp/training --server.port=0 \
 && rm -rf /tmp/training

# Container-aware heap: a share of the container's memory limit, never a fixed -Xmx.
# JAVA_TOOL_OPTIONS is read before the command line; setting it (compose, Kubernetes)
# replaces these defaults as a whole, so repeat MaxRAMPercentage there.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    STATWALL_DATA_DIR=/data

VOLUME ["/data"]
EXPOSE 8080
# Numeric, so that Kubernetes runAsNonRoot can tell it is not root.
USER 10001:10001

# 200 with "status":"UP" from /actuator/health, checked by a small Java class (the image
# has java but maybe no curl); -Xmx16m and C1 only keep each check at ~0.1 s CPU, ~20 MB.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
  CMD ["java", "-Xmx16m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", \
       "-cp", "/opt/statwall/healthcheck", "HealthCheck"]

ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/statwall.jsa", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-jar", "/app/statwall.jar"]
