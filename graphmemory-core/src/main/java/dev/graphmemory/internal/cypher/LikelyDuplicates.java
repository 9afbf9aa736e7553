package dev.graphmemory.internal.cypher;

import dev.graphmemory.model.LikelyDuplicate;
import dev.graphmemory.model.Validate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds entities that may be one, by their names and aliases, strongest reason first:
 *
 * <ol>
 *   <li><b>same name</b> once accents, punctuation and company suffixes are left out ("ACME" / "Acme Corp.");
 *   <li><b>nickname</b>: the same words with a common nickname for a first name ("Bob Smith" / "Robert Smith");
 *   <li><b>short form</b>: one name's words begin the other's ("Bob" / "Bob Smith"), or are its initials ("IBM" /
 *       "International Business Machines");
 *   <li><b>shared words</b>: they share a word of three letters or more ("Acme Labs" / "Acme Research").
 * </ol>
 *
 * Only pairs that share a word (after nicknames), a loose name or initials are compared, so the work grows with the
 * names that collide rather than with the square of the entities; a word shared by more than {@value #CROWD} entities
 * (a common surname, "project") is no reason on its own.
 */
final class LikelyDuplicates {
    /** A word shared by more entities than this says too little to compare them all. */
    static final int CROWD = 50;

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Set<String> SUFFIXES = Set.of(
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "co",
            "company",
            "ltd",
            "limited",
            "llc",
            "gmbh",
            "plc",
            "ag",
            "sa",
            "the");
    private static final Map<String, String> NICKNAMES = nicknames();

    /** An entity's id, name and aliases. */
    record Named(String id, String name, List<String> aliases) {}

    private record Found(LikelyDuplicate pair, int strength) {}

    private LikelyDuplicates() {}

    static List<LikelyDuplicate> find(List<Named> entities, int limit) {
        Map<String, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            for (String form : forms(entities.get(i))) {
                List<String> words = words(form);
                Set<String> keys = new LinkedHashSet<>();
                keys.add("=" + String.join(" ", words));
                keys.add("^" + initials(words));
                for (String word : words) {
                    keys.add("w" + canonical(word));
                    keys.add("^" + word);
                }
                for (String key : keys) {
                    List<Integer> bucket = buckets.computeIfAbsent(key, k -> new ArrayList<>());
                    if (bucket.isEmpty() || bucket.get(bucket.size() - 1) != i) {
                        bucket.add(i);
                    }
                }
            }
        }
        Set<String> crowded = new java.util.HashSet<>();
        buckets.forEach((key, bucket) -> {
            if (key.startsWith("w") && bucket.size() > CROWD) {
                crowded.add(key.substring(1));
            }
        });
        Map<String, Found> found = new LinkedHashMap<>();
        for (List<Integer> bucket : buckets.values()) {
            if (bucket.size() < 2 || bucket.size() > CROWD) {
                continue;
            }
            for (int a = 0; a < bucket.size(); a++) {
                for (int b = a + 1; b < bucket.size(); b++) {
                    Named first = entities.get(bucket.get(a));
                    Named second = entities.get(bucket.get(b));
                    String pairKey = first.id() + "|" + second.id();
                    if (!found.containsKey(pairKey)) {
                        Found reason = compare(first, second, crowded);
                        if (reason != null) {
                            found.put(pairKey, reason);
                        }
                    }
                }
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparingInt(Found::strength)
                        .thenComparing(f -> f.pair().firstName())
                        .thenComparing(f -> f.pair().secondName()))
                .limit(limit)
                .map(Found::pair)
                .toList();
    }

    /** The strongest reason any name of one and any name of the other give, or null. */
    private static Found compare(Named first, Named second, Set<String> crowded) {
        Found best = null;
        for (String one : forms(first)) {
            for (String other : forms(second)) {
                Found reason = reason(first, one, second, other, crowded);
                if (reason != null && (best == null || reason.strength() < best.strength())) {
                    best = reason;
                }
            }
        }
        return best;
    }

    private static Found reason(Named first, String one, Named second, String other, Set<String> crowded) {
        List<String> a = words(one);
        List<String> b = words(other);
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        String names = one + " / " + other;
        if (a.equals(b)) {
            return found(
                    first, second, 0, "same name apart from case, accents, punctuation or a company suffix: " + names);
        }
        if (a.stream()
                .map(LikelyDuplicates::canonical)
                .toList()
                .equals(b.stream().map(LikelyDuplicates::canonical).toList())) {
            return found(first, second, 1, "same name with a nickname: " + names);
        }
        if (startsWith(b, a) || startsWith(a, b)) {
            return found(first, second, 2, "short form: " + names);
        }
        if ((a.size() == 1 && b.size() > 1 && a.get(0).equals(initials(b)))
                || (b.size() == 1 && a.size() > 1 && b.get(0).equals(initials(a)))) {
            return found(first, second, 2, "initials: " + names);
        }
        Set<String> shared =
                new LinkedHashSet<>(a.stream().map(LikelyDuplicates::canonical).toList());
        shared.retainAll(b.stream().map(LikelyDuplicates::canonical).toList());
        shared.removeIf(word -> word.length() < 3 || crowded.contains(word));
        if (!shared.isEmpty()) {
            return found(first, second, 3, "shared words (" + String.join(", ", shared) + "): " + names);
        }
        return null;
    }

    private static Found found(Named first, Named second, int strength, String reason) {
        return new Found(new LikelyDuplicate(first.id(), first.name(), second.id(), second.name(), reason), strength);
    }

    /** Whether {@code longer} begins with every word of the shorter {@code prefix}. */
    private static boolean startsWith(List<String> longer, List<String> prefix) {
        return prefix.size() < longer.size() && longer.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> forms(Named entity) {
        List<String> forms = new ArrayList<>();
        forms.add(entity.name());
        forms.addAll(entity.aliases());
        return forms;
    }

    /** The name's words: normalized as names are, accents and punctuation left out, company suffixes dropped. */
    static List<String> words(String name) {
        String key = Validate.normalizedKey(name);
        String plain =
                MARKS.matcher(Normalizer.normalize(key, Normalizer.Form.NFD)).replaceAll("");
        List<String> words = new ArrayList<>(Arrays.asList(
                NOT_ALPHANUMERIC.matcher(plain).replaceAll(" ").strip().split(" ")));
        words.removeIf(String::isEmpty);
        if (words.size() > 1) {
            words.removeIf(SUFFIXES::contains);
        }
        return words;
    }

    private static String initials(List<String> words) {
        StringBuilder initials = new StringBuilder();
        words.forEach(word -> initials.append(word.charAt(0)));
        return initials.toString();
    }

    private static String canonical(String word) {
        return NICKNAMES.getOrDefault(word, word);
    }

    private static Map<String, String> nicknames() {
        Map<String, String> names = new HashMap<>();
        String[][] groups = {
            {"robert", "bob", "bobby", "rob", "robbie", "bert"},
            {"william", "bill", "billy", "will", "willy", "liam"},
            {"james", "jim", "jimmy", "jamie"},
            {"michael", "mike", "mikey", "mick"},
            {"david", "dave", "davey"},
            {"thomas", "tom", "tommy"},
            {"joseph", "joe", "joey"},
            {"daniel", "dan", "danny"},
            {"christopher", "chris"},
            {"matthew", "matt"},
            {"nicholas", "nick", "nicky"},
            {"alexander", "alex", "sasha"},
            {"samuel", "sam", "sammy"},
            {"benjamin", "ben", "benny"},
            {"anthony", "tony"},
            {"stephen", "steve", "steven"},
            {"andrew", "andy", "drew"},
            {"katherine", "kate", "katie", "kathy", "catherine", "cathy"},
            {"elizabeth", "liz", "beth", "betty", "lizzie", "eliza"},
            {"jennifer", "jen", "jenny"},
            {"susan", "sue", "susie"},
            {"margaret", "meg", "maggie", "peggy"},
            {"patricia", "patty", "trish"},
            {"edward", "ed", "eddie", "ted"},
            {"richard", "rick", "ricky", "rich", "dick"},
            {"gregory", "greg"},
            {"john", "johnny", "jack", "jon"},
            {"charles", "charlie", "chuck"},
            {"lawrence", "larry"},
            {"jeffrey", "jeff"},
            {"timothy", "tim"},
            {"frederick", "fred", "freddie"},
            {"albert", "al"},
            {"rebecca", "becky"},
            {"deborah", "debbie", "deb"},
            {"victoria", "vicky", "tori"}
        };
        for (String[] group : groups) {
            for (String name : group) {
                names.putIfAbsent(name, group[0]);
            }
        }
        return Map.copyOf(names);
    }
}
