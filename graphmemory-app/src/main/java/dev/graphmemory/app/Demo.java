package dev.graphmemory.app;

import dev.graphmemory.GraphMemory;
import dev.graphmemory.MemoryOperations;
import dev.graphmemory.model.Commitment;
import dev.graphmemory.model.CommitmentQuery;
import dev.graphmemory.model.CommitmentStatus;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.Decision;
import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.Entity;
import dev.graphmemory.model.EntityContext;
import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.Fact;
import dev.graphmemory.model.FactQuery;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewConversation;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewFact;
import dev.graphmemory.model.NewLink;
import dev.graphmemory.model.NewTurn;
import dev.graphmemory.model.Pattern;
import dev.graphmemory.model.PatternFrequency;
import dev.graphmemory.model.PatternObservation;
import dev.graphmemory.model.PatternType;
import dev.graphmemory.model.RelatedNode;
import dev.graphmemory.model.RelatedQuery;
import dev.graphmemory.model.RelationshipType;
import dev.graphmemory.model.SearchHit;
import dev.graphmemory.model.SearchQuery;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The main job: one realistic day of an assistant's memory, recorded atomically, then recalled the way an assistant
 * would at the start of the next conversation.
 */
final class Demo {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** When, in the demo's story, Alice moved to the Berlin office. */
    private static final int MOVED_DAYS_AGO = 30;

    private final GraphMemory memory;
    private final PrintWriter out;

    Demo(GraphMemory memory, PrintWriter out) {
        this.memory = memory;
        this.out = out;
    }

    /** What the day stored. */
    record Day(
            Conversation conversation,
            Entity client,
            Entity contact,
            Entity project,
            Decision decision,
            List<Commitment> commitments,
            List<Pattern> patterns,
            EnergyState energy) {}

    void run() {
        long started = System.nanoTime();
        Day day = memory.inTransaction(Demo::recordDay);
        long recorded = System.nanoTime();
        out.printf(
                "Recorded a day of memory in namespace '%s' in %d ms (one transaction):%n",
                memory.namespace(), (recorded - started) / 1_000_000);
        out.printf(
                "  conversation %s with %s, 3 entities, %d commitments, 1 decision, %d patterns, 1 energy reading,%n  2 facts (one replacing the other)%n%n",
                short8(day.conversation().id()),
                day.conversation().agent(),
                day.commitments().size(),
                day.patterns().size());
        recall(day);
        out.printf("%nRecalled in %d ms.%n", (System.nanoTime() - recorded) / 1_000_000);
        out.flush();
    }

    static Day recordDay(MemoryOperations tx) {
        Conversation conversation = tx.startConversation(new NewConversation("claude", "focused"));
        EnergyState energy = tx.recordEnergy(new EnergyReading(EnergyLevel.HIGH, "Morning planning session", 8, 7.5));
        Entity client =
                tx.createEntity(new NewEntity("Acme Corp", EntityType.CLIENT, "work", "Enterprise client since 2024"));
        Entity contact =
                tx.createEntity(new NewEntity("Alice Chen", EntityType.PERSON, "work", "Head of operations at Acme"));
        Entity project = tx.createEntity(NewEntity.of("Q4 Launch", EntityType.PROJECT));
        Decision decision = tx.recordDecision(NewDecision.of(
                        "Roll out the Q4 launch in two phases", "A pilot with Acme lowers the risk of the full launch")
                .alternatives(List.of("Launch to everyone at once", "Delay the launch to Q1"))
                .confidence(0.8));
        Commitment proposal = tx.createCommitment(NewCommitment.of("Send Alice the phased rollout proposal")
                .toWhom("Alice Chen")
                .due(LocalDate.now(ZoneOffset.UTC).plusDays(2))
                .priority(1));
        Commitment review = tx.createCommitment(NewCommitment.of("Review the pilot metrics with the team")
                .due(LocalDate.now(ZoneOffset.UTC).plusDays(9))
                .priority(2));
        Pattern mornings =
                tx.recordPattern(PatternObservation.of("Does deep work best before 11:00", PatternType.SUCCESS)
                        .frequency(PatternFrequency.DAILY));
        Pattern meetings = tx.recordPattern(
                PatternObservation.of("Back-to-back meetings drain energy for the afternoon", PatternType.TRIGGER)
                        .frequency(PatternFrequency.WEEKLY));
        link(tx, decision.id(), RelationshipType.DURING, conversation.id());
        link(tx, decision.id(), RelationshipType.LEADS_TO, proposal.id());
        link(tx, decision.id(), RelationshipType.LEADS_TO, review.id());
        link(tx, decision.id(), RelationshipType.IMPACTS, project.id());
        link(tx, decision.id(), RelationshipType.INVOLVES, client.id());
        link(tx, proposal.id(), RelationshipType.INVOLVES, contact.id());
        link(tx, proposal.id(), RelationshipType.INVOLVES, client.id());
        link(tx, review.id(), RelationshipType.INVOLVES, project.id());
        link(tx, conversation.id(), RelationshipType.INVOLVES, contact.id());
        link(tx, conversation.id(), RelationshipType.AT_ENERGY, energy.id());
        link(tx, mornings.id(), RelationshipType.LEARNED_FROM, conversation.id());
        link(tx, meetings.id(), RelationshipType.INVOLVES, client.id());
        recordMove(tx, conversation);
        tx.recordTurns(
                conversation.id(),
                List.of(
                        NewTurn.of("user", "Acme wants to try the new release on a small team before everyone gets it"),
                        NewTurn.of("assistant", "Then let's pilot it with Acme first and roll out in two phases"),
                        NewTurn.of("user", "Good. I'll send Alice the proposal by Friday")));
        Conversation ended = tx.endConversation(new ConversationEnd(
                conversation.id(), "Planned the Q4 launch with a pilot at Acme; promised Alice a proposal.", 5_200L));
        return new Day(
                ended,
                client,
                contact,
                project,
                decision,
                List.of(proposal, review),
                List.of(mornings, meetings),
                energy);
    }

    /**
     * A fact that changed: Alice worked from the Paris office until a month ago, and from the Berlin office since. The
     * old fact is replaced, not overwritten, so what held before can still be read.
     */
    private static void recordMove(MemoryOperations tx, Conversation conversation) {
        Fact paris = tx.recordFact(NewFact.of("Alice Chen works from the Paris office", "Alice Chen")
                .from(Instant.parse("2024-01-08T09:00:00Z"))
                .learnedIn(conversation.id()));
        tx.replaceFact(
                paris.id(),
                NewFact.of("Alice Chen works from the Berlin office")
                        .from(Instant.now().minus(Duration.ofDays(MOVED_DAYS_AGO)))
                        .learnedIn(conversation.id()));
    }

    private static void link(MemoryOperations tx, String from, RelationshipType type, String to) {
        tx.linkNodes(NewLink.of(from, type, to));
    }

    private void recall(Day day) {
        EntityContext acme = memory.getEntityContext("acme corp", 5);
        out.printf(
                "What do I know about %s (%s)? %s%n",
                acme.entity().name(),
                acme.entity().type().value(),
                acme.entity().notes());
        acme.commitments().forEach(c -> out.printf("  commitment  %s%n", describe(c)));
        acme.decisions()
                .forEach(d -> out.printf(
                        "  decision    %s (confidence %.1f)%n      because %s%n",
                        d.content(), d.confidence(), d.rationale()));
        acme.patterns()
                .forEach(p -> out.printf(
                        "  pattern     %s [%s, strength %.1f, seen %d×]%n",
                        p.description(), p.type().value(), p.strength(), p.observations()));

        Instant before = Instant.now().minus(Duration.ofDays(2 * MOVED_DAYS_AGO));
        out.printf("%nWhat holds about Alice Chen now, and what held %d days ago:%n", 2 * MOVED_DAYS_AGO);
        memory.getFacts(FactQuery.about("Alice Chen").limit(1))
                .forEach(f -> out.printf("  now         %s (since %s)%n", f.statement(), TIME.format(f.validFrom())));
        memory.getFacts(FactQuery.about("Alice Chen").asOf(before).limit(1))
                .forEach(f -> out.printf(
                        "  then        %s (%s to %s)%n",
                        f.statement(), TIME.format(f.validFrom()), TIME.format(f.validUntil())));

        List<RelatedNode> related = memory.findRelated(
                RelatedQuery.around(day.decision().id()).depth(2).limit(10));
        out.printf("%nAround the decision \"%s\":%n", day.decision().content());
        for (RelatedNode node : related) {
            out.printf(
                    "  %d hop%s  %-12s %s  via %s%n",
                    node.distance(),
                    node.distance() == 1 ? " " : "s",
                    node.node().kind().label(),
                    node.node().title(),
                    node.path().stream().map(Enum::name).collect(Collectors.joining(" → ")));
        }

        List<Commitment> open = memory.getCommitments(
                CommitmentQuery.all().status(CommitmentStatus.PENDING).limit(5));
        out.printf("%nOpen commitments (newest first):%n");
        open.forEach(c -> out.printf("  %s%n", describe(c)));

        String question = "who wanted a trial run with a few people?";
        out.printf("%nSearch by meaning: \"%s\"%n", question);
        for (SearchHit hit :
                memory.searchMemory(SearchQuery.of(question).limit(3)).hits()) {
            out.printf(
                    "  %-12s %s  (%s)%n",
                    hit.memory().kind().label(),
                    hit.memory().title(),
                    hit.why().stream()
                            .map(signal -> signal.signal() + (signal.rank() > 0 ? " #" + signal.rank() : ""))
                            .collect(Collectors.joining(", ")));
        }
    }

    private static String describe(Commitment commitment) {
        String due = commitment.deadline() == null ? "no deadline" : "due " + commitment.deadline();
        return String.format(
                "P%d %s → %s, %s, created %s",
                commitment.priority(),
                commitment.content(),
                commitment.toWhom(),
                due,
                TIME.format(commitment.createdAt()));
    }

    private static String short8(String id) {
        return id.substring(0, 8);
    }
}
