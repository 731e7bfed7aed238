package com.offerpulse.stream.tagging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * One plain-text lexicon under {@code tagging/} on the classpath, in the format a non-programmer can edit:
 *
 * <pre>
 * # a comment (a '#' at the start of a line or after a space)
 * [section-name]          # entries below belong to this section (the default section is "default")
 * a lot                   # one entry per line: a word or a phrase
 * as a result | 2.5       # an optional weight after '|' (default 1)
 * i &lt;action-verb&gt;        # &lt;class&gt; matches any word of that class, &lt;class&gt;? makes it optional
 * </pre>
 *
 * Entries are lower-cased; sections keep the order of the file. Loading fails fast (with the file and line) on
 * a malformed line, so a typo in a lexicon stops the service at start-up rather than silently changing tags.
 */
final class LexiconFile {

    static final String DEFAULT_SECTION = "default";

    /** One line of a lexicon: its section, the phrase (lower case, single spaces) and its weight. */
    record Entry(String section, String phrase, double weight, String source) {
    }

    private final String resource;
    private final Map<String, List<Entry>> sections;

    private LexiconFile(String resource, Map<String, List<Entry>> sections) {
        this.resource = resource;
        this.sections = sections;
    }

    /** Loads {@code tagging/<name>} from the classpath. */
    static LexiconFile load(String name) {
        String resource = "tagging/" + name;
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        String section = DEFAULT_SECTION;
        int lineNumber = 0;
        try (BufferedReader reader = open(resource)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String content = stripComment(line).strip();
                if (content.isEmpty()) {
                    continue;
                }
                String where = resource + ":" + lineNumber;
                if (content.startsWith("[")) {
                    if (!content.endsWith("]") || content.length() < 3) {
                        throw new IllegalStateException(where + ": malformed section header '" + content + "'");
                    }
                    section = content.substring(1, content.length() - 1).strip().toLowerCase(Locale.ROOT);
                    sections.computeIfAbsent(section, s -> new ArrayList<>());
                    continue;
                }
                double weight = 1.0;
                String phrase = content;
                int bar = content.lastIndexOf('|');
                if (bar >= 0) {
                    phrase = content.substring(0, bar).strip();
                    try {
                        weight = Double.parseDouble(content.substring(bar + 1).strip());
                    } catch (NumberFormatException e) {
                        throw new IllegalStateException(where + ": weight after '|' is not a number: '" + content + "'");
                    }
                }
                phrase = normalizePhrase(phrase);
                if (phrase.isEmpty()) {
                    throw new IllegalStateException(where + ": empty entry");
                }
                sections.computeIfAbsent(section, s -> new ArrayList<>()).add(new Entry(section, phrase, weight, where));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        Map<String, List<Entry>> frozen = new LinkedHashMap<>();
        sections.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new LexiconFile(resource, frozen);
    }

    /** Loads {@code tagging/<name>} as a UTF-8 properties file. */
    static Properties loadProperties(String name) {
        String resource = "tagging/" + name;
        Properties properties = new Properties();
        try (BufferedReader reader = open(resource)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }

    private static BufferedReader open(String resource) {
        ClassLoader loader = LexiconFile.class.getClassLoader();
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static String normalizePhrase(String phrase) {
        return phrase.replace('\u2019', '\'').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** Section names in file order. */
    List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    /** The entries of one section, or an empty list. */
    List<Entry> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    /** The entries of one section, failing if the section is missing (a required section was renamed). */
    List<Entry> requiredSection(String name) {
        List<Entry> entries = sections.get(name);
        if (entries == null) {
            throw new IllegalStateException(resource + ": missing required section [" + name + "]");
        }
        return entries;
    }

    /** Every entry, in file order. */
    List<Entry> all() {
        List<Entry> all = new ArrayList<>();
        sections.values().forEach(all::addAll);
        return all;
    }
}
