// Repeated non-reserving checks of one call shape: the budgets they match
// (with their formatted states) and the answers given, kept per budget-state
// object and organisation context. budget-state.ts replaces the state object
// on every settled write (LISTEN/NOTIFY or this process's own writes), so
// nothing kept here outlives the state it was computed from; a match is used
// only while the periods it was computed for last.
import type { OrgContext } from "@/lib/org/org-context";
import type { PolicyBudgetState, PolicyCheckResponse } from "@/lib/schemas/budgets";
import type { CurrentBudget } from "./budget-rows";
import type { BudgetState } from "./budget-state";

export type Match = {
  budgets: CurrentBudget[];
  states: PolicyBudgetState[];
  /** Answers by answer shape (estimate and the price book's span of `now`). */
  answers: Map<string, PolicyCheckResponse>;
};

type Kept = Match & { from: number; until: number };

/** Bound on call shapes and on answers per shape kept for one state. */
const MAX_ENTRIES = 1_000;

const kept = new WeakMap<BudgetState, { ctx: OrgContext; shapes: Map<string, Kept> }>();

function bounded<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/** The match of `shape` against `state` at `now`, computed by `compute` unless kept. */
export function matchFor(state: BudgetState, ctx: OrgContext, shape: string, now: Date, compute: () => Omit<Match, "answers">): Match {
  let forState = kept.get(state);
  if (forState?.ctx !== ctx) {
    forState = { ctx, shapes: new Map() };
    kept.set(state, forState);
  }
  const at = now.getTime();
  const hit = forState.shapes.get(shape);
  if (hit && hit.from <= at && at < hit.until) return hit;
  const match = compute();
  let from = -Infinity;
  let until = Infinity;
  for (const b of match.budgets) {
    from = Math.max(from, b.periodStart.getTime());
    until = Math.min(until, b.periodEnd.getTime());
  }
  return bounded(forState.shapes, shape, { budgets: match.budgets, states: match.states, answers: new Map(), from, until });
}

/** Keeps an answer of the match for later checks of the same shape, frozen: it is shared from now on. */
export function keepAnswer(match: Match, shape: string, answer: PolicyCheckResponse): void {
  bounded(match.answers, shape, Object.freeze(answer));
}
