package dev.graphmemory.app.migrate;

/** Why a node of the original cannot be converted; the node is skipped, and the reason reported. */
final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
