/**
 * What graphmemory tells about itself: metrics ({@link dev.graphmemory.internal.telemetry.Telemetry}, recorded
 * into Micrometer only when the application gives a registry) and the names of its own threads.
 *
 * <p>Uses no other room.
 */
package dev.graphmemory.internal.telemetry;
