// The policy decision, pure (DESIGN.md 8). Every budget whose scope matches
// the call is checked and the strictest answer wins: deny > downgrade > warn
// > allow. Amounts are nano-dollars.
//
// Per budget, with projected = spent + reserved + estimate:
// - an agent guard passed by the trace (steps or cost) denies;
// - an unknown price (no estimate) follows the budget's fail mode: closed
//   denies, open warns (an unpriced model is never treated as free);
// - over the limit, a hard budget applies its action: deny, downgrade (when
//   the cheaper model fits, else deny) or warn; a soft budget warns, or
//   downgrades when that is its action;
// - at or past an alert threshold below the limit, it warns;
// - otherwise it allows.
// A downgraded call is judged again, on the cheaper model, by every budget it
// would then count against (evaluatePolicy).
// A denied call is told when to retry only when every denial lifts at its
// budget's period reset (no agent guard or missing price denies, and the
// estimate fits the limit): at the latest of those resets.
import type { PolicyDecision } from "@/lib/schemas/budgets";
import { reachedThresholds } from "./thresholds";

export type GuardedBudget = {
  id: string;
  name: string;
  limit: bigint;
  spent: bigint;
  reserved: bigint;
  periodEnd: Date;
  mode: "hard" | "soft";
  action: "deny" | "downgrade" | "warn";
  downgradeTo: string | null;
  failMode: "open" | "closed";
  alertThresholds: number[];
  agentGuard: { maxSteps: number | null; maxCost: bigint | null } | null;
};

export type PolicyInput = {
  model: string;
  /** null when the model has no known price */
  estimate: bigint | null;
  /** Estimate of the same call on another model (for downgrades); null when unpriced. */
  estimateOn: (model: string) => bigint | null;
  /** Steps and cost the trace has used so far, when the call names a trace. */
  trace: { steps: number; cost: bigint } | null;
  now: Date;
};

export type PolicyOutcome<B extends GuardedBudget = GuardedBudget> = {
  decision: PolicyDecision;
  reason: string;
  model: string;
  /** What to hold when reserving: the estimate on the model the call will use. */
  hold: bigint;
  /** The budgets of the call as it will be made (on the downgraded model's when downgraded): where the hold goes. */
  budgets: B[];
  retryAfterSeconds?: number;
};

const RANK: Record<PolicyDecision, number> = { allow: 0, warn: 1, downgrade: 2, deny: 3 };

/** `liftsIn`: seconds until a period reset lifts this denial; absent when no reset can. */
type Verdict = { decision: PolicyDecision; reason: string; model?: string; liftsIn?: number };

function percent(part: bigint, whole: bigint): string {
  return `${Number((part * 1000n) / whole) / 10}%`;
}

function judge(b: GuardedBudget, input: PolicyInput): Verdict {
  const label = `budget '${b.name}'`;
  if (b.agentGuard && input.trace) {
    const { maxSteps, maxCost } = b.agentGuard;
    if (maxSteps !== null && input.trace.steps + 1 > maxSteps) {
      return { decision: "deny", reason: `agent guard of ${label}: the trace already made ${input.trace.steps} steps (max ${maxSteps})` };
    }
    if (maxCost !== null && input.trace.cost + (input.estimate ?? 0n) > maxCost) {
      return { decision: "deny", reason: `agent guard of ${label}: the trace would pass its maximum cost per run` };
    }
  }
  if (input.estimate === null) {
    return b.failMode === "closed"
      ? { decision: "deny", reason: `no price is known for model '${input.model}' and ${label} fails closed` }
      : { decision: "warn", reason: `no price is known for model '${input.model}'; allowed because ${label} fails open` };
  }
  const projected = b.spent + b.reserved + input.estimate;
  // a budget with nothing left refuses every call, one without an estimate (zero) too
  if (projected > b.limit || b.spent + b.reserved >= b.limit) {
    const downgraded = b.downgradeTo ? input.estimateOn(b.downgradeTo) : null;
    // cheaper than the call, and under a hard cap within what is left
    const downgradeFits = downgraded !== null && downgraded < input.estimate && (b.mode === "soft" || b.spent + b.reserved + downgraded <= b.limit);
    // a call already on the cheaper model has nothing to downgrade to
    if (b.action === "downgrade" && b.downgradeTo !== input.model && downgradeFits) {
      return { decision: "downgrade", reason: `${label} would be exceeded on ${input.model}; use ${b.downgradeTo}`, model: b.downgradeTo! };
    }
    if (b.mode === "hard" && b.action !== "warn") {
      const reason = `${label} (hard cap) would be exceeded: ${percent(projected, b.limit)} of its limit`;
      // the next period starts empty: it lifts the denial unless the estimate alone is over the limit
      if (input.estimate > b.limit) return { decision: "deny", reason: `${reason}; the estimate alone is over it` };
      return { decision: "deny", reason, liftsIn: Math.max(1, Math.ceil((b.periodEnd.getTime() - input.now.getTime()) / 1000)) };
    }
    return { decision: "warn", reason: `${label} (${b.mode}) is over its limit: ${percent(projected, b.limit)}` };
  }
  const crossed = reachedThresholds(projected, b.limit, b.alertThresholds);
  if (crossed.length > 0) {
    return { decision: "warn", reason: `${label} is at ${percent(projected, b.limit)} (alert threshold ${Math.max(...crossed) * 100}%)` };
  }
  return { decision: "allow", reason: "within budget" };
}

/** Seconds a denial holds: until its reset lifts it, or for good. */
const holdsFor = (v: Verdict) => v.liftsIn ?? Infinity;

/** The stricter verdict; of two denials, the one that holds longer (it decides when, if ever, to retry). */
function stricter(a: Verdict, b: Verdict): boolean {
  if (RANK[a.decision] !== RANK[b.decision]) return RANK[a.decision] > RANK[b.decision];
  return a.decision === "deny" && holdsFor(a) > holdsFor(b);
}

/** The strictest verdict of the budgets on the call. */
function strictest(input: PolicyInput, budgets: GuardedBudget[]): Verdict {
  let worst: Verdict = { decision: "allow", reason: budgets.length ? "within budget" : "no budget applies" };
  for (const budget of budgets) {
    const verdict = judge(budget, input);
    if (stricter(verdict, worst)) worst = verdict;
  }
  return worst;
}

/**
 * `budgetsOn(model)`: the budgets the same call matches when made on another
 * model. A downgraded call is judged again, on its own estimate, by every
 * budget it would then count against (a cap on the cheaper model, or a hard
 * cap the cheaper estimate still passes, refuses it); those may downgrade it
 * further. Each downgrade is to a strictly cheaper estimate, so it never
 * comes back to a model already tried.
 */
export function evaluatePolicy<B extends GuardedBudget>(input: PolicyInput, budgets: B[], budgetsOn: (model: string) => B[]): PolicyOutcome<B> {
  let call = input;
  let on = budgets;
  let verdict = strictest(call, on);
  let downgrade: Verdict | null = null;
  while (verdict.decision === "downgrade") {
    const model = verdict.model!;
    downgrade = verdict;
    call = { ...input, model, estimate: input.estimateOn(model) };
    on = budgetsOn(model);
    verdict = strictest(call, on);
  }
  if (downgrade && verdict.decision === "deny") {
    verdict = { ...verdict, reason: `${downgrade.reason}, but on ${call.model}: ${verdict.reason}` };
  }
  if (verdict.decision === "deny") {
    return { decision: "deny", reason: verdict.reason, model: input.model, hold: input.estimate ?? 0n, budgets, ...(verdict.liftsIn ? { retryAfterSeconds: verdict.liftsIn } : {}) };
  }
  // a downgraded call its new budgets allow (or warn about) is a downgrade, named by the budget that asked for it
  const shown = downgrade ?? verdict;
  return { decision: shown.decision, reason: shown.reason, model: call.model, hold: call.estimate ?? 0n, budgets: on };
}
