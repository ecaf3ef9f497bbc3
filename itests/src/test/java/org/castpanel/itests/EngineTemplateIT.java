/*
 * Copyright 2026 the CastPanel contributors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.castpanel.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.castpanel.itests.support.Api;
import org.castpanel.itests.support.Await;
import org.castpanel.itests.support.Panel;
import org.castpanel.itests.support.WithPanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows the plugin guide: copies the engine-plugin template, builds it with Maven on its own,
 * drops the jar into a running panel's deploy/ folder, and runs a service on it.
 */
@WithPanel("h2")
class EngineTemplateIT {

    @Test
    void theTemplateBuildsIntoAPluginThePanelRuns(Panel panel, @TempDir Path work) throws Exception {
        Path template = Path.of(System.getProperty("castpanel.template"));
        Path copy = work.resolve("my-engine");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source :
                    files.filter(p -> !p.toString().contains("/target")).toList()) {
                Path target = copy.resolve(template.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Process build = new ProcessBuilder(
                        "mvn", "-B", "-q", "package", "-Dcastpanel.version=" + System.getProperty("project.version"))
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("build.log").toFile())
                .start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "the template's build finished");
        assertEquals(0, build.exitValue(), Files.readString(work.resolve("build.log")));
        Path jar = copy.resolve("target/castpanel-engine-example-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.exists(jar));

        Api.As admin = panel.admin();
        panel.deploy(jar);
        try {
            Await.until(
                    "the example engine to be listed",
                    Duration.ofSeconds(30),
                    () -> admin.get("/engines/example").status() == 200);
            JsonNode engine = admin.get("/engines/example").body();
            assertTrue(engine.get("available").asBoolean());
            assertEquals("greeting", engine.at("/type/serviceConfig/0/name").asText());

            long service = admin.post(
                            "/services", Map.of("engineType", "example", "config", Map.of("greeting", "hi \"there\"")))
                    .expect(201)
                    .id();
            long start = admin.post("/services/" + service + "/actions", Map.of("action", "start"))
                    .expect(202)
                    .id();
            Await.until(
                    "the example service to start",
                    Duration.ofSeconds(60),
                    () -> "SUCCEEDED"
                            .equals(admin.get("/actions/" + start)
                                    .body()
                                    .get("status")
                                    .asText()));
            Path conf = panel.storage().resolve("services/service_" + service + "/example.conf");
            assertTrue(Files.readString(conf).contains("greeting \"hi \\\"there\\\"\";"));
            long delete = admin.post("/services/" + service + "/actions", Map.of("action", "delete"))
                    .expect(202)
                    .id();
            Await.until(
                    "the example service to be deleted",
                    Duration.ofSeconds(60),
                    () -> "SUCCEEDED"
                            .equals(admin.get("/actions/" + delete)
                                    .body()
                                    .get("status")
                                    .asText()));
        } finally {
            panel.undeploy(jar);
        }
        Await.until(
                "the example engine to leave",
                Duration.ofSeconds(30),
                () -> admin.get("/engines").body().findValues("id").stream()
                        .noneMatch(id -> List.of("example").contains(id.asText())));
    }
}
