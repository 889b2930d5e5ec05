// Runaway agents: traces whose step count or cost lies far outside their
// feature's normal range. "Normal" is the feature's own median and MAD of
// log(steps) and log(cost) over the detail window, so a feature whose agents
// always take 40 steps is not flagged for 45, and a fixed limit is never
// needed. Each finding lists the worst traces and suggests an agent guard
// (a budget with maxSteps and maxCostUsd per trace) for the feature.
import { formatUsd } from "@/lib/money";
import { quantile, robustScale, robustZ } from "./robust-stats";
import { type Insight, perMonth, ceilDollars, type TraceTotal, usd, type Window, windowDays } from "./types";

export const RUNAWAY = {
  minTraces: 10,
  /** Robust z-score on the log scale above which a trace is an outlier. */
  minZ: 5,
  /** ...and at least this many times the feature's median steps or cost. */
  minStepsRatio: 3,
  minCostRatio: 5,
  /** Sigma floor on the log scale: a feature whose traces are all alike still has some spread. */
  logSigmaFloor: 0.1,
  worstListed: 5,
};

const log = (x: number) => Math.log(Math.max(x, 1e-12));

export function detectRunawayAgents(input: { traces: readonly TraceTotal[]; window: Window }): Insight[] {
  const days = windowDays(input.window);
  const byFeature = new Map<string, TraceTotal[]>();
  for (const t of input.traces) {
    const list = byFeature.get(t.feature) ?? [];
    list.push(t);
    byFeature.set(t.feature, list);
  }
  const out: Insight[] = [];
  for (const [feature, traces] of byFeature) {
    if (traces.length < RUNAWAY.minTraces) continue;
    const steps = robustScale(traces.map((t) => log(t.steps)), RUNAWAY.logSigmaFloor);
    const costs = robustScale(traces.map((t) => log(Number(t.cost))), RUNAWAY.logSigmaFloor);
    const medianSteps = Math.exp(steps.median);
    const medianCost = Math.exp(costs.median);
    const isOutlier = (t: TraceTotal) =>
      (robustZ(log(t.steps), steps) > RUNAWAY.minZ && t.steps >= RUNAWAY.minStepsRatio * medianSteps) ||
      (robustZ(log(Number(t.cost)), costs) > RUNAWAY.minZ && Number(t.cost) >= RUNAWAY.minCostRatio * medianCost);
    const outliers = traces.filter(isOutlier).sort((a, b) => (b.cost > a.cost ? 1 : b.cost < a.cost ? -1 : b.steps - a.steps));
    if (outliers.length === 0) continue;

    const normal = traces.filter((t) => !isOutlier(t));
    const p99Steps = quantile(normal.map((t) => t.steps), 0.99);
    const p99Cost = quantile(normal.map((t) => Number(t.cost)), 0.99);
    const typicalCost = BigInt(Math.round(medianCost));
    const outlierCost = outliers.reduce((sum, t) => sum + t.cost, 0n);
    const excess = outliers.reduce((sum, t) => sum + (t.cost > typicalCost ? t.cost - typicalCost : 0n), 0n);
    const featureCost = traces.reduce((sum, t) => sum + t.cost, 0n);
    const maxSteps = Math.max(Math.ceil(p99Steps * 1.5), Math.ceil(medianSteps * 2));
    const maxCost = BigInt(Math.ceil((p99Cost * 2) / 10_000_000)) * 10_000_000n; // whole cents
    const worst = outliers[0];
    out.push({
      id: `runaway_agent:${worst.team}:${feature}:${worst.traceId}`,
      kind: "runaway_agent",
      team: worst.team,
      feature,
      model: worst.model,
      traceId: worst.traceId,
      title: `Runaway agent in ${feature}`,
      message:
        `${outliers.length === 1 ? "A trace" : `${outliers.length} traces`} of ${feature} (${worst.team}) ran far outside its normal range: ` +
        `the worst took ${worst.steps.toLocaleString("en")} steps and ${usd(worst.cost)}, where a typical trace takes ` +
        `${Math.round(medianSteps)} steps and ${usd(typicalCost)}. A guard of ${maxSteps} steps or ${usd(maxCost)} per trace would have stopped it.`,
      monthlySavings: perMonth(excess, days),
      atStake: outlierCost,
      evidence: {
        windowDays: Math.round(days),
        traces: traces.length,
        typicalSteps: Math.round(medianSteps),
        typicalCostUsd: formatUsd(typicalCost),
        p99Steps: Math.round(p99Steps),
        p99CostUsd: formatUsd(BigInt(Math.round(p99Cost))),
        worst: outliers.slice(0, RUNAWAY.worstListed).map((t) => ({
          traceId: t.traceId,
          team: t.team,
          model: t.model,
          steps: t.steps,
          costUsd: formatUsd(t.cost),
          startedAt: new Date(t.startedAt).toISOString(),
        })),
        outlierCostUsd: formatUsd(outlierCost),
      },
      action: {
        type: "create_budget",
        label: `Guard ${feature}: at most ${maxSteps} steps or ${usd(maxCost)} per trace`,
        budget: {
          name: `Agent guard for ${feature}`,
          scope: { type: "feature", value: feature },
          period: "month",
          limitUsd: formatUsd(ceilDollars(perMonth(((featureCost - outlierCost) * 3n) / 2n, days))),
          mode: "hard",
          action: "deny",
          agentGuard: { maxSteps, maxCostUsd: formatUsd(maxCost) },
        },
      },
    });
  }
  return out;
}
