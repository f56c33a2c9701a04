# imrflow's image: built with the Maven wrapper on a Temurin 21 JDK, run on a Temurin 21 JRE as a user of its own.
# docker compose up builds it (docker-compose.yml); alone: docker build -t imrflow .

FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY bpmn bpmn
COPY forms forms
COPY src src
# the profile postgres-binaries-* of the build's platform adds the embedded PostgreSQL's binaries (embedded mode)
RUN ./mvnw -B -ntp -DskipTests package && cp target/imrflow-*.jar /build/imrflow.jar

FROM eclipse-temurin:21-jre
RUN groupadd --system imrflow && useradd --system --gid imrflow --home-dir /var/lib/imrflow --no-create-home imrflow \
 && mkdir -p /var/lib/imrflow/data && chown -R imrflow:imrflow /var/lib/imrflow
WORKDIR /app
COPY --from=build /build/imrflow.jar /app/imrflow.jar
USER imrflow
# the embedded PostgreSQL's data in embedded mode; the audit chain's anchors (imr.audit.anchor-file) in both
ENV IMR_DATA_DIR=/var/lib/imrflow/data
VOLUME /var/lib/imrflow/data
EXPOSE 8080
# ready when it takes work (docs/configuration.md, Web); bash's /dev/tcp, since the JRE image need not have curl
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/imrflow.jar"]
