package dev.graphmemory.bench.baseline;

import dev.graphmemory.model.EntityType;
import dev.graphmemory.model.NewCommitment;
import dev.graphmemory.model.NewDecision;
import dev.graphmemory.model.NewEntity;
import dev.graphmemory.model.NewMemory;
import dev.graphmemory.model.RelationshipType;
import java.util.List;

/**
 * What an assistant remembers of one conversation turn, the work of scenario S2: one commitment, one decision, three
 * entities and four links (the decision leads to the commitment; the commitment involves two entities; the decision
 * involves the third). Every variant stores exactly this.
 *
 * @param commitment the commitment's content
 * @param toWhom whom it is promised to
 * @param decision the decision's content
 * @param rationale the decision's rationale
 * @param entities three entity names, unique to this turn
 */
public record Turn(String commitment, String toWhom, String decision, String rationale, List<String> entities) {

    /** The links, as (from key, type, to key); keys are {@code commitment}, {@code decision}, {@code e0}..{@code e2}. */
    public static final List<String[]> LINKS = List.of(
            new String[] {"decision", "LEADS_TO", "commitment"},
            new String[] {"commitment", "INVOLVES", "e0"},
            new String[] {"commitment", "INVOLVES", "e1"},
            new String[] {"decision", "INVOLVES", "e2"});

    /** The turn number {@code i} of a run called {@code tag}. */
    public static Turn number(String tag, int i) {
        return new Turn(
                "Send the proposal " + tag + "-" + i,
                "Client " + tag + "-" + i,
                "Pilot " + tag + "-" + i + " first",
                "Lower risk",
                List.of("Person " + tag + "-" + i, "Client " + tag + "-" + i, "Project " + tag + "-" + i));
    }

    /** The same turn as the library's {@link NewMemory}. */
    public NewMemory asNewMemory() {
        NewMemory.Builder builder = NewMemory.builder()
                .commitment("commitment", NewCommitment.of(commitment).toWhom(toWhom))
                .decision("decision", NewDecision.of(decision, rationale));
        for (int i = 0; i < entities.size(); i++) {
            builder.entity("e" + i, NewEntity.of(entities.get(i), entityType(i)));
        }
        for (String[] link : LINKS) {
            builder.link(link[0], RelationshipType.valueOf(link[1]), link[2]);
        }
        return builder.build();
    }

    static EntityType entityType(int i) {
        return switch (i) {
            case 0 -> EntityType.PERSON;
            case 1 -> EntityType.CLIENT;
            default -> EntityType.PROJECT;
        };
    }
}
