/**
 * What the planner costs: how long each statement the library sends takes to plan ({@link
 * dev.graphmemory.bench.plans.PlanTimes}), Neo4j's count of re-plans ({@link dev.graphmemory.bench.plans.PlanCache}),
 * and their sections of the report.
 */
package dev.graphmemory.bench.plans;
