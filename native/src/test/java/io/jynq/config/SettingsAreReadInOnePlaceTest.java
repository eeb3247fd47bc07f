package io.jynq.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the settings in one place: no main source reads a JYNQ variable, a {@code jynq.*}
 * property or {@code user.home} except through {@link JynqConfig}, and README's table lists
 * exactly the settings {@link Setting} declares.
 */
class SettingsAreReadInOnePlaceTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern DIRECT = Pattern.compile(
            "getenv\\(\"|getenv\\(\\)\\.get(OrDefault)?\\(\"JYNQ_|getProperty\\(\"(jynq\\.|user\\.home)");

    @Test
    void noMainSourceReadsASettingDirectly() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/io/jynq/config/"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (DIRECT.matcher(lines.get(i)).find()) {
                        offenders.add(REPO.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "read these through io.jynq.config.JynqConfig");
    }

    @Test
    void readmeTableListsEverySetting() throws IOException {
        String readme = Files.readString(REPO.resolve("README.md"));
        int start = readme.indexOf("| variable | property | what it sets |");
        assertTrue(start >= 0, "README.md has no settings table");
        Set<String> rows = new TreeSet<>();
        for (String line : readme.substring(start).lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
            rows.add(line.split("\\|")[1].strip() + "|" + line.split("\\|")[2].strip());
        }
        Set<String> declared = new TreeSet<>();
        for (Setting s : Setting.values()) {
            declared.add(cell(s.env()) + "|" + cell(s.property() == null ? null : "-D" + s.property()));
        }
        assertEquals(declared, rows, "README's settings table and io.jynq.config.Setting disagree");
    }

    private static String cell(String name) {
        return name == null ? "" : "`" + name + "`";
    }

    @Test
    void everyJynqVariableNamedInMainSourcesIsASetting() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Setting s : Setting.values()) {
            if (s.env() != null) {
                known.add(s.env());
            }
        }
        Set<String> unknown = new TreeSet<>();
        Pattern name = Pattern.compile("\"(JYNQ_[A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))::iterator) {
                Matcher m = name.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        unknown.add(m.group(1) + " in " + REPO.relativize(f));
                    }
                }
            }
        }
        assertEquals(Set.of(), unknown, "add these to io.jynq.config.Setting and README's table");
    }
}
