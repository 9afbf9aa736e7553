package dev.graphmemory.bench.recall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * LoCoMo conversations ("Evaluating Very Long-Term Conversational Memory of LLM Agents", Maharana et al., ACL 2024),
 * read from a folder of its JSON files: two speakers over many sessions, each session a date and time and its turns,
 * and questions whose evidence names turns ({@code D3:7}: session 3, turn 7).
 */
final class Locomo {
    /** An evidence id, as the files write them: {@code D8:6}, {@code D:11:26}, {@code D30:05}, two in one string. */
    private static final Pattern EVIDENCE = Pattern.compile("D\\s*:?\\s*(\\d+)\\s*:\\s*(\\d+)");

    private static final DateTimeFormatter SESSION_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy")
            .toFormatter(Locale.ENGLISH);

    private Locomo() {}

    /**
     * One conversation.
     *
     * @param id the file's name without {@code .json}
     */
    record Dialogue(String id, String speakerA, String speakerB, List<Session> sessions, List<Question> questions) {
        int turns() {
            return sessions.stream().mapToInt(session -> session.turns().size()).sum();
        }
    }

    /** A session: when it took place, and what was said in order. */
    record Session(int number, java.time.Instant at, List<Said> turns) {}

    /**
     * One turn.
     *
     * @param id the dialogue id, normalized ({@code D3:7})
     * @param text what was said, with a shared image's caption as {@code [shares image: …]}
     */
    record Said(String id, String speaker, String text) {}

    /**
     * A question of categories 1 to 4 (5, the adversarial ones, have no answer to retrieve).
     *
     * @param evidence the ids of the turns that answer it, those that are turns of the conversation
     */
    record Question(String text, int category, Set<String> evidence) {}

    /** Every conversation of the folder, by file name. */
    static List<Dialogue> read(Path folder) throws IOException {
        List<Dialogue> dialogues = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                dialogues.add(dialogue(file));
            }
        }
        return dialogues;
    }

    private static Dialogue dialogue(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        String id = file.getFileName().toString().replace(".json", "");
        List<Session> sessions = new ArrayList<>();
        Set<String> turnIds = new HashSet<>();
        for (int number = 1; root.has("session_" + number + "_date_time"); number++) {
            JsonNode turns = root.get("session_" + number);
            if (turns == null || !turns.isArray() || turns.isEmpty()) {
                continue;
            }
            List<Said> said = new ArrayList<>();
            for (JsonNode turn : turns) {
                String text = turn.get("text").asText();
                if (turn.has("blip_caption")) {
                    text = text + " [shares image: " + turn.get("blip_caption").asText() + "]";
                }
                String turnId = normalized(turn.get("dia_id").asText());
                turnIds.add(turnId);
                said.add(new Said(turnId, turn.get("speaker").asText(), text));
            }
            LocalDateTime at = LocalDateTime.parse(
                    root.get("session_" + number + "_date_time").asText().strip(), SESSION_TIME);
            sessions.add(new Session(number, at.toInstant(ZoneOffset.UTC), said));
        }
        List<Question> questions = new ArrayList<>();
        for (JsonNode qa : root.get("qa")) {
            int category = qa.get("category").asInt();
            if (category < 1 || category > 4 || !qa.has("evidence")) {
                continue;
            }
            Set<String> evidence = new LinkedHashSet<>();
            for (JsonNode item : qa.get("evidence")) {
                Matcher matcher = EVIDENCE.matcher(item.asText());
                while (matcher.find()) {
                    String turnId = "D" + Integer.parseInt(matcher.group(1)) + ":" + Integer.parseInt(matcher.group(2));
                    if (turnIds.contains(turnId)) {
                        evidence.add(turnId);
                    }
                }
            }
            if (!evidence.isEmpty()) {
                questions.add(new Question(qa.get("question").asText(), category, Set.copyOf(evidence)));
            }
        }
        return new Dialogue(
                id, root.get("speaker_a").asText(), root.get("speaker_b").asText(), sessions, questions);
    }

    private static String normalized(String turnId) {
        Matcher matcher = EVIDENCE.matcher(turnId);
        return matcher.find()
                ? "D" + Integer.parseInt(matcher.group(1)) + ":" + Integer.parseInt(matcher.group(2))
                : turnId;
    }
}
