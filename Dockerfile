# Builds the Stepstream application jar and runs `serve` on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -Dmaven.test.skip=true -pl dist -am package

FROM eclipse-temurin:17-jre
# curl for the healthcheck on /health/ready (docker-compose.yml).
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/stepstream
COPY --from=build /src/dist/target/stepstream.jar /opt/stepstream/stepstream.jar
# State, task token keys and access keys; mount a volume here to keep them across restarts.
VOLUME /var/lib/stepstream
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/opt/stepstream/stepstream.jar"]
# The API listens on every address with SigV4 authentication on. The key comes from
# STEPSTREAM_ACCESS_KEY_ID/STEPSTREAM_SECRET_ACCESS_KEY, or is created and printed at the first start.
CMD ["serve", "--kafka", "kafka:19092", "--host", "0.0.0.0", "--state-dir", "/var/lib/stepstream/state", "--token-keys", "/var/lib/stepstream/token-keys", "--access-keys", "/var/lib/stepstream/access-keys"]
