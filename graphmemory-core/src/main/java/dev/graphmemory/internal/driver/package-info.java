/**
 * The driver: how sessions and transactions are opened ({@link dev.graphmemory.internal.driver.Sessions}), the
 * retry loop of managed transactions ({@link dev.graphmemory.internal.driver.Retries}), blocking over the asynchronous API
 * ({@link dev.graphmemory.internal.driver.Blocking}), the statement runners, the plans kept fresh in the background
 * ({@link dev.graphmemory.internal.driver.PlanKeeper}), and the one translator of driver exceptions
 * ({@link dev.graphmemory.internal.driver.Errors}).
 *
 * <p>May use {@code work} (it runs statements) and {@code telemetry}.
 */
package dev.graphmemory.internal.driver;
