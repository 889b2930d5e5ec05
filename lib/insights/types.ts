// What the detectors read and what they find. Detectors are pure functions
// over these shapes (unit-tested on synthetic data); lib/insights/load-*.ts
// fills them from the rollups and, for a recent window, from raw events.
import { formatMoney } from "@/lib/format";
import { divRound, formatUsd } from "@/lib/money";
import type { CreateBudgetInput } from "@/lib/schemas/budgets";

export const DAY_MS = 86_400_000;
/** Monthly figures are normalised to an average month. */
export const MONTH_DAYS = 30.4375;

/** Totals of one UTC day of a (team, feature, provider, model): a daily rollup row. */
export type DayCell = {
  /** Start of the UTC day, epoch milliseconds. */
  day: number;
  team: string;
  feature: string;
  provider: string;
  model: string;
  events: number;
  cacheHits: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Nano-dollars. */
  cost: bigint;
  saved: bigint;
};

/** One agent trace of the detail window. */
export type TraceTotal = { traceId: string; team: string; feature: string; model: string; steps: number; cost: bigint; startedAt: number };

/** Repeated prompts of one (team, feature) in the detail window. */
export type PromptRepeats = {
  team: string;
  feature: string;
  /** Calls that carried a prompt hash. */
  hashedCalls: number;
  /** Calls whose prompt hash an earlier call of the window already sent. */
  repeatedCalls: number;
  /** What the repeated calls cost: an exact cache would have answered them. */
  repeatedCost: bigint;
};

export type InsightKind = "right_size" | "redundancy" | "runaway_agent" | "anomaly" | "prompt_bloat" | "unbudgeted";

export type InsightAction =
  | { type: "create_budget"; label: string; budget: CreateBudgetInput }
  | { type: "mark_team_reviewed"; label: string; team: string };

export type Insight = {
  /** Stable across requests: what a dismissal refers to. */
  id: string;
  kind: InsightKind;
  /** Team slug; null for organisation-wide findings. */
  team: string | null;
  feature?: string;
  model?: string;
  traceId?: string;
  title: string;
  message: string;
  /** Monthly dollars a change would save (nano-dollars), where it can be estimated. */
  monthlySavings?: bigint;
  /** Dollars the finding is about, per month unless the evidence says otherwise. */
  atStake: bigint;
  evidence: Record<string, unknown>;
  action?: InsightAction;
};

/** The window the detectors look at, [from, to) in epoch milliseconds. */
export type Window = { from: number; to: number };

export const windowDays = (w: Window) => (w.to - w.from) / DAY_MS;

/** Nano-dollars over `days` scaled to an average month. */
export function perMonth(nanos: bigint, days: number): bigint {
  if (days <= 0) return 0n;
  return divRound(nanos * BigInt(Math.round(MONTH_DAYS * 1_000_000)), BigInt(Math.round(days * 1_000_000)));
}

/** "$1,234.56" for messages. */
export const usd = (nanos: bigint) => formatMoney(formatUsd(nanos));

/** Nano-dollars rounded up to whole dollars (budget limits). */
export const ceilDollars = (nanos: bigint) => ((nanos + 999_999_999n) / 1_000_000_000n) * 1_000_000_000n;
