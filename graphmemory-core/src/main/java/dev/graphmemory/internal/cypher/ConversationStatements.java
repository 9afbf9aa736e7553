package dev.graphmemory.internal.cypher;

import dev.graphmemory.exceptions.NotFoundException;
import dev.graphmemory.internal.work.Params;
import dev.graphmemory.internal.work.Statement;
import dev.graphmemory.model.Conversation;
import dev.graphmemory.model.ConversationEnd;
import dev.graphmemory.model.EnergyReading;
import dev.graphmemory.model.EnergyState;
import dev.graphmemory.model.NewConversation;

/** Conversation sessions and energy readings. */
public final class ConversationStatements {
    static final String START = """
            MERGE (s:Memory {namespace: $namespace, id: $id})
            ON CREATE SET s:Conversation:SearchPending, s.agent = $agent, s.mood = $mood,
                s.startedAt = datetime(), s.createdAt = datetime()
            RETURN s
            """;

    static final String END = """
            MATCH (s:Memory {namespace: $namespace, id: $id})
            WHERE s:Conversation
            SET s:EmbedPending, s.endedAt = coalesce(s.endedAt, datetime()), s.summary = $summary,
                s.tokensUsed = coalesce($tokensUsed, s.tokensUsed)
            REMOVE s.textVector
            RETURN s
            """;

    static final String ENERGY = """
            MERGE (x:Memory {namespace: $namespace, id: $id})
            ON CREATE SET x:EnergyState, x.level = $level, x.context = $context,
                x.readiness = $readiness, x.sleepHours = $sleepHours, x.readinessScore = $readinessScore,
                x.sleepScore = $sleepScore, x.recordedAt = datetime(),
                x.createdAt = datetime()
            RETURN x
            """;

    private ConversationStatements() {}

    public static Statement<Conversation> start(String namespace, String id, NewConversation conversation) {
        var params = Params.in(namespace)
                .with("id", id)
                .with("agent", conversation.agent())
                .with("mood", conversation.mood());
        return Statement.write(
                "startSession",
                START,
                params.map(),
                rows -> Nodes.conversation(rows.single().get("s").asNode()));
    }

    public static Statement<Conversation> end(String namespace, ConversationEnd end) {
        var params = Params.in(namespace)
                .with("id", end.sessionId())
                .with("summary", end.summary())
                .with("tokensUsed", end.tokensUsed());
        return Statement.write("endSession", END, params.map(), rows -> {
            if (rows.records().isEmpty()) {
                throw new NotFoundException("Conversation", "sessionId", end.sessionId());
            }
            return Nodes.conversation(rows.single().get("s").asNode());
        });
    }

    public static Statement<EnergyState> energy(String namespace, String id, EnergyReading reading) {
        var params = Params.in(namespace)
                .with("id", id)
                .with("level", reading.level().value())
                .with("context", reading.context())
                .with("readiness", reading.readiness())
                .with("sleepHours", reading.sleepHours())
                .with("readinessScore", reading.readinessScore())
                .with("sleepScore", reading.sleepScore());
        return Statement.write(
                "recordEnergy",
                ENERGY,
                params.map(),
                rows -> Nodes.energyState(rows.single().get("x").asNode()));
    }
}
