package dev.graphmemory.internal.search;

import dev.graphmemory.model.Validate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word groups of a query that could be an entity's name: every run of one to {@value #LONGEST} words, as entity
 * names are keyed (case, spacing and Unicode form ignored), possessives without their {@code 's}. The search looks them
 * up among the namespace's entities in one statement, through the unique (namespace, nameKey) index.
 */
final class Mentions {
    /** The longest name, in words, looked up. */
    static final int LONGEST = 4;
    /** The most word groups one query looks up. */
    static final int MOST = 256;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&.\\-]*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");

    private Mentions() {}

    /** The keys of the query's word groups, longest runs first within each start, at most {@value #MOST}. */
    static List<String> grams(String query) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(POSSESSIVE.matcher(query).replaceAll(""));
        while (matcher.find()) {
            String word = matcher.group().replaceAll("[.\\-]+$", "");
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        Set<String> grams = new LinkedHashSet<>();
        for (int start = 0; start < words.size() && grams.size() < MOST; start++) {
            StringBuilder gram = new StringBuilder();
            for (int end = start; end < Math.min(words.size(), start + LONGEST); end++) {
                if (end > start) {
                    gram.append(' ');
                }
                gram.append(words.get(end));
                grams.add(Validate.normalizedKey(gram.toString()));
            }
        }
        return List.copyOf(grams).subList(0, Math.min(MOST, grams.size()));
    }
}
