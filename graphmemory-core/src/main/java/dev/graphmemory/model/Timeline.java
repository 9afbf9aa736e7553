package dev.graphmemory.model;

import java.util.List;

/**
 * What happened in a time window, newest first, within the result budget.
 *
 * @param events the events
 * @param truncated whether something was left out: more events than the limit, events dropped or texts shortened to
 *     fit the character budget
 */
public record Timeline(List<TimelineEvent> events, boolean truncated) {

    /** Copies the list. */
    public Timeline {
        events = List.copyOf(events);
    }
}
