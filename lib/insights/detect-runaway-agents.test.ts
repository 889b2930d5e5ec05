import { describe, expect, it } from "vitest";
import { aroundMedian, mulberry32, randomInt } from "@/lib/seed/prng";
import { detectRunawayAgents } from "./detect-runaway-agents";
import { END, windowOf } from "./synthetic-usage.test-helpers";
import type { TraceTotal } from "./types";

const window = windowOf(14);
const AGENTS = [
  { team: "support", feature: "support-agent", model: "claude-sonnet-4", steps: [3, 8], costPerStep: 30_000_000 },
  { team: "platform", feature: "code-review", model: "claude-sonnet-4", steps: [2, 6], costPerStep: 50_000_000 },
  { team: "data", feature: "research-agent", model: "gemini-2.5-pro", steps: [4, 12], costPerStep: 40_000_000 },
  // a feature whose agents always run long: 40–60 steps is its normal
  { team: "legal", feature: "due-diligence", model: "claude-opus-4-1", steps: [40, 60], costPerStep: 200_000_000 },
] as const;

function cleanTraces(count: number, seed = 7): TraceTotal[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => {
    const a = AGENTS[i % AGENTS.length];
    const steps = randomInt(random, a.steps[0], a.steps[1]);
    const cost = BigInt(Math.round(steps * aroundMedian(random, a.costPerStep, 0.3)));
    return { traceId: `t${i}`, team: a.team, feature: a.feature, model: a.model, steps, cost, startedAt: END - randomInt(random, 1, 13 * 86_400_000) };
  });
}

describe("detectRunawayAgents", () => {
  it("flags nothing on clean traces, long-running features included", () => {
    expect(detectRunawayAgents({ traces: cleanTraces(4_000), window })).toEqual([]);
  });

  it("finds the planted runaway trace, lists it first and suggests a guard", () => {
    const traces = cleanTraces(4_000);
    traces.push({ traceId: "runaway", team: "data", feature: "research-agent", model: "gemini-2.5-pro", steps: 600, cost: 95_000_000_000n, startedAt: END - 86_400_000 * 10 });
    traces.push({ traceId: "long-one", team: "data", feature: "research-agent", model: "gemini-2.5-pro", steps: 80, cost: 3_400_000_000n, startedAt: END - 86_400_000 * 3 });
    const found = detectRunawayAgents({ traces, window });
    expect(found).toHaveLength(1);
    const [insight] = found;
    expect(insight).toMatchObject({ kind: "runaway_agent", team: "data", feature: "research-agent", traceId: "runaway" });
    const worst = insight.evidence.worst as Array<{ traceId: string; steps: number }>;
    expect(worst.map((w) => w.traceId)).toEqual(["runaway", "long-one"]);
    expect(insight.atStake).toBe(98_400_000_000n);
    const guard = insight.action?.type === "create_budget" ? insight.action.budget.agentGuard : undefined;
    expect(guard?.maxSteps).toBeGreaterThanOrEqual(12);
    expect(guard?.maxSteps).toBeLessThan(80);
  });

  it("needs enough traces to know a feature's normal range", () => {
    const few = cleanTraces(32).filter((t) => t.feature === "support-agent"); // 8 traces
    few.push({ traceId: "x", team: "support", feature: "support-agent", model: "claude-sonnet-4", steps: 500, cost: 50_000_000_000n, startedAt: END - 1 });
    expect(detectRunawayAgents({ traces: few, window })).toEqual([]);
  });
});
