package dev.graphmemory.app.tools;

import static dev.graphmemory.app.tools.Param.integer;
import static dev.graphmemory.app.tools.Param.number;
import static dev.graphmemory.app.tools.Param.oneOf;
import static dev.graphmemory.app.tools.Param.string;
import static dev.graphmemory.app.tools.Tool.Effect.WRITES;

import dev.graphmemory.model.EnergyLevel;
import dev.graphmemory.model.Limits;

/** The tool of energy states: how the user felt at a moment, which memories can be linked to (AT_ENERGY). */
final class EnergyTools {
    static final Tool RECORD_ENERGY = Tool.of(
            "record_energy",
            "Record energy",
            "Record the user's energy level now, with what was going on, how ready they feel for demanding"
                    + " work and how long they slept.",
            WRITES,
            (memory, args) -> memory.recordEnergy(ArgumentMapper.energy(args)),
            oneOf("level", "high, medium or low", SharedParams.lowerCase(EnergyLevel.values()))
                    .mandatory(),
            string("context", "What was going on").maxLength(Limits.CONTEXT),
            integer("readiness", "Readiness for demanding work, 1 to 10", 1, 10),
            number("sleep", "Hours slept the night before", 0, 24));

    private EnergyTools() {}
}
