package io.zerostore.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar keeps every ServiceLoader registration of every module and library: plug-ins
 * (pipeline filters, Jackson modules...) are found through META-INF/services, and two jars
 * registering the same interface must be merged, not overwritten.
 */
class ShadedJarIT {
    private static final String SERVICES = "META-INF/services/";

    @Test
    void everyServiceRegistrationOnTheClasspathIsInTheJar() throws IOException {
        String jar = System.getProperty("zerostore.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            fail("needs the shaded jar (system property zerostore.jar = " + jar + "); run 'mvn verify'");
        }
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                try (JarFile jf = new JarFile(p.toFile())) {
                    collect(jf, expected);
                }
            } else if (Files.isDirectory(p.resolve(SERVICES)) && p.toString().endsWith("classes")
                    && !p.toString().endsWith("test-classes")) {
                try (Stream<Path> files = Files.list(p.resolve(SERVICES))) {
                    for (Path f : files.toList()) {
                        expected.computeIfAbsent(f.getFileName().toString(), k -> new TreeSet<>())
                                .addAll(providers(Files.readString(f)));
                    }
                }
            }
        }
        // the scan saw the libraries' registrations (else this test would check nothing)
        assertThat(expected).containsKey("com.fasterxml.jackson.core.JsonFactory");
        Map<String, Set<String>> shaded = new TreeMap<>();
        try (JarFile jf = new JarFile(jar)) {
            collect(jf, shaded);
        }
        // test-only libraries (JUnit, AssertJ, surefire) are on the classpath but not in the jar
        expected.keySet().removeIf(service -> service.startsWith("org.junit") || service.startsWith("org.assertj")
                || service.startsWith("org.apache.maven"));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            Set<String> inJar = shaded.getOrDefault(e.getKey(), Set.of());
            Set<String> missing = new TreeSet<>(e.getValue());
            missing.removeIf(provider -> inJar.contains(provider) || isTestOnly(provider));
            assertThat(missing).as("providers of %s missing from the jar", e.getKey()).isEmpty();
        }
        assertThat(shaded).isNotEmpty();
    }

    private static boolean isTestOnly(String provider) {
        return provider.startsWith("org.junit") || provider.startsWith("org.assertj")
                || provider.startsWith("org.apache.maven") || provider.startsWith("org.opentest4j");
    }

    private static void collect(JarFile jf, Map<String, Set<String>> into) throws IOException {
        Enumeration<JarEntry> entries = jf.entries();
        while (entries.hasMoreElements()) {
            JarEntry e = entries.nextElement();
            if (!e.isDirectory() && e.getName().startsWith(SERVICES) && e.getName().indexOf('/', SERVICES.length()) < 0) {
                try (InputStream in = jf.getInputStream(e)) {
                    into.computeIfAbsent(e.getName().substring(SERVICES.length()), k -> new TreeSet<>())
                            .addAll(providers(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private static Set<String> providers(String text) {
        Set<String> out = new TreeSet<>();
        for (String line : text.split("\n")) {
            int hash = line.indexOf('#');
            String p = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
