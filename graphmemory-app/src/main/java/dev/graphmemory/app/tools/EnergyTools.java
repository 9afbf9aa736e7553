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
                    + " work and how long they slept, and a wearable's raw readiness and sleep scores (0 to 100)."
                    + " Without a level, a readiness score gives it: 85 and above high, 70 to 84 medium, below 70 low.",
            WRITES,
            (memory, args) -> memory.recordEnergy(ArgumentMapper.energy(args)),
            oneOf(
                    "level",
                    "high, medium or low; required unless readiness_score is given",
                    SharedParams.lowerCase(EnergyLevel.values())),
            string("context", "What was going on").maxLength(Limits.CONTEXT),
            integer("readiness", "Readiness for demanding work, 1 to 10", 1, 10),
            number("sleep", "Hours slept the night before", 0, 24),
            integer("readiness_score", "A wearable's raw readiness score, 0 to 100", 0, 100),
            integer("sleep_score", "A wearable's raw sleep score, 0 to 100", 0, 100));

    private EnergyTools() {}
}
