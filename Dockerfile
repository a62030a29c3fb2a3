# Builds the Stepstream application jar and runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -Dmaven.test.skip=true -pl dist -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/stepstream
COPY --from=build /src/dist/target/stepstream.jar /opt/stepstream/stepstream.jar
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/opt/stepstream/stepstream.jar"]
CMD ["dev", "--kafka", "kafka:19092", "--api-host", "0.0.0.0"]
