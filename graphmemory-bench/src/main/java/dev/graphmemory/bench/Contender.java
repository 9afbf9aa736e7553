package dev.graphmemory.bench;

/**
 * One variant of a scenario: the library or a baseline doing the scenario's work. Each round it prepares what the
 * round needs (untimed: fresh namespaces, nodes to link), and returns the timed part.
 */
public interface Contender {

    /** The timed part of one round. */
    @FunctionalInterface
    interface Trial {
        /** Does the round's work, timing each call with the recorder. */
        void run(Recorder recorder) throws Exception;
    }

    /** The variant's name, e.g. {@code graphmemory} or {@code raw driver}. */
    String name();

    /** Whether this is the library ({@code ours}) or a baseline. */
    default boolean ours() {
        return false;
    }

    /** Prepares round {@code round} (negative for warm-up rounds) and returns its timed part. */
    Trial prepare(int round) throws Exception;

    /**
     * The round as separate calls of one item each, so that {@link SideBySide#interleaved} can alternate the
     * contenders call by call; {@code null} when the round is one piece (a batch, or concurrent writers).
     */
    default java.util.List<Recorder.Call> calls(int round) throws Exception {
        return null;
    }

    /** A contender from a name and a preparation. */
    static Contender of(String name, boolean ours, Preparation preparation) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ours() {
                return ours;
            }

            @Override
            public Trial prepare(int round) throws Exception {
                return preparation.prepare(round);
            }
        };
    }

    /** A contender whose rounds are single calls, which can be interleaved with another's. */
    static Contender ofCalls(String name, boolean ours, CallPreparation preparation) {
        return new Contender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean ours() {
                return ours;
            }

            @Override
            public java.util.List<Recorder.Call> calls(int round) throws Exception {
                return preparation.prepare(round);
            }

            @Override
            public Trial prepare(int round) throws Exception {
                java.util.List<Recorder.Call> calls = calls(round);
                return recorder -> {
                    for (Recorder.Call call : calls) {
                        recorder.time(1, call);
                    }
                };
            }
        };
    }

    /** The preparation of a round of single calls. */
    @FunctionalInterface
    interface CallPreparation {
        /** Prepares round {@code round} and returns its calls, in order. */
        java.util.List<Recorder.Call> prepare(int round) throws Exception;
    }

    /** The preparation of a round. */
    @FunctionalInterface
    interface Preparation {
        /** Prepares round {@code round} and returns its timed part. */
        Trial prepare(int round) throws Exception;
    }
}
