// What each kind's `evidence` holds (lib/insights/detect-*.ts), read
// defensively: the page renders what parses and falls back to a plain list.
import { z } from "zod";

const Usd = z.string();
const OptionalUsd = Usd.nullable().optional();

export const RightSizeEvidence = z.object({
  provider: z.string().optional(),
  callsPerDay: z.number(),
  inputTokensPerCall: z.number(),
  outputTokensPerCall: z.number(),
  monthlyCostUsd: Usd,
  costPerOutcomeUsd: OptionalUsd,
  candidates: z.array(z.object({ provider: z.string(), model: z.string(), monthlyCostUsd: Usd, monthlySavingsUsd: Usd, costPerOutcomeUsd: OptionalUsd })),
});

export const RedundancyEvidence = z.object({
  windowDays: z.number(),
  hashedCalls: z.number(),
  repeatedCalls: z.number(),
  repeatedShare: z.number(),
  exactCacheMonthlySavingsUsd: Usd,
  cacheHits: z.number(),
  cacheMonthlySavedUsd: Usd,
  promptCachingUptake: z.number().nullable(),
});

export const RunawayEvidence = z.object({
  windowDays: z.number(),
  traces: z.number(),
  typicalSteps: z.number(),
  typicalCostUsd: Usd,
  p99Steps: z.number(),
  p99CostUsd: Usd,
  worst: z.array(z.object({ traceId: z.string(), team: z.string(), model: z.string(), steps: z.number(), costUsd: Usd, startedAt: z.string() })),
  outlierCostUsd: Usd,
});

export const AnomalyEvidence = z.object({
  day: z.string(),
  costUsd: Usd,
  baselineCostUsd: Usd,
  excessUsd: Usd,
  robustZ: z.number(),
  driver: z.enum(["volume", "prompt_growth", "model_switch"]),
  volumeRatio: z.number().optional(),
  inputPerCallRatio: z.number().optional(),
  costPerTokenRatio: z.number().optional(),
  model: z.string().nullable().optional(),
  abnormalDays: z.array(z.object({ day: z.string(), costUsd: Usd, excessUsd: Usd })),
});

export const PromptBloatEvidence = z.object({
  weeks: z.array(z.object({ weeksAgo: z.number(), calls: z.number(), inputTokensPerCall: z.number() })),
  startTokensPerCall: z.number(),
  endTokensPerCall: z.number(),
  growth: z.number(),
  extraMonthlyCostUsd: Usd,
});

export const UnbudgetedEvidence = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("unreviewed_team"), monthlySpendUsd: Usd }),
  z.object({ reason: z.literal("no_budget"), uncoveredMonthlyUsd: Usd, monthlySpendUsd: Usd }),
  z.object({
    reason: z.literal("ownerless_key"),
    keys: z.array(z.object({ id: z.string(), name: z.string(), prefix: z.string(), monthlySpendUsd: Usd })),
  }),
]);
