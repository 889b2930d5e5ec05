import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import type { PolicyDecision } from "@/lib/schemas/budgets";
import { evaluatePolicy, type GuardedBudget, type PolicyInput } from "./evaluate-policy";

const usd = (s: string) => parseUsd(s);
const now = new Date("2026-11-28T12:00:00Z");
const periodEnd = new Date("2026-12-01T00:00:00Z");

function budget(overrides: Partial<GuardedBudget> = {}): GuardedBudget {
  return {
    id: "b1", name: "search monthly", limit: usd("100"), spent: usd("50"), reserved: usd("0"), periodEnd,
    mode: "hard", action: "deny", downgradeTo: null, failMode: "open", alertThresholds: [0.5, 0.8, 1], agentGuard: null, ...overrides,
  };
}

function input(overrides: Partial<PolicyInput> = {}): PolicyInput {
  const prices: Record<string, bigint> = { "gpt-4o": usd("1"), "gpt-4o-mini": usd("0.1"), "claude-haiku": usd("0.01") };
  return { model: "gpt-4o", estimate: usd("1"), estimateOn: (m) => prices[m] ?? null, trace: null, now, ...overrides };
}

/** `on`: the budgets the call matches on another model; by default the same ones (org- or team-wide budgets). */
function evaluate(i: PolicyInput, budgets: GuardedBudget[], on: Record<string, GuardedBudget[]> = {}) {
  return evaluatePolicy(i, budgets, (model) => on[model] ?? budgets);
}

const under = { spent: usd("10") };
const nearCap = { spent: usd("99.5") };

describe("evaluatePolicy", () => {
  it.each<[string, Partial<GuardedBudget>, Partial<PolicyInput>, PolicyDecision, string]>([
    ["allows within budget", under, {}, "allow", "within budget"],
    ["warns at an alert threshold", { spent: usd("80") }, {}, "warn", "alert threshold 80%"],
    ["denies over a hard cap", nearCap, {}, "deny", "hard cap"],
    ["allows exactly up to the cap", { spent: usd("99"), alertThresholds: [] }, {}, "allow", "within budget"],
    ["denies a call without an estimate once nothing is left", { spent: usd("100"), alertThresholds: [] }, { estimate: 0n }, "deny", "hard cap"],
    ["allows a call without an estimate while some is left", { spent: usd("99.99"), alertThresholds: [] }, { estimate: 0n }, "allow", "within budget"],
    ["warns on a spent soft budget for a call without an estimate", { spent: usd("100"), mode: "soft", alertThresholds: [] }, { estimate: 0n }, "warn", "over its limit"],
    ["counts reservations against the cap", { spent: usd("90"), reserved: usd("9.5") }, {}, "deny", "hard cap"],
    ["warns over a hard cap whose action is warn", { ...nearCap, action: "warn" }, {}, "warn", "over its limit"],
    ["warns over a soft cap instead of denying", { ...nearCap, mode: "soft" }, {}, "warn", "(soft)"],
    ["downgrades when the cheaper model fits", { ...nearCap, action: "downgrade", downgradeTo: "gpt-4o-mini" }, {}, "downgrade", "use gpt-4o-mini"],
    ["denies when even the cheaper model does not fit", { spent: usd("99.95"), action: "downgrade", downgradeTo: "gpt-4o-mini" }, {}, "deny", "hard cap"],
    ["soft downgrade suggests the cheaper model whatever it costs", { spent: usd("99.95"), mode: "soft", action: "downgrade", downgradeTo: "gpt-4o-mini" }, {}, "downgrade", "use gpt-4o-mini"],
    ["soft downgrade never suggests a dearer model: it warns", { spent: usd("99.95"), mode: "soft", action: "downgrade", downgradeTo: "gpt-4o" }, { model: "gpt-4o-mini", estimate: usd("0.1") }, "warn", "(soft) is over its limit"],
    ["fails open on an unknown price", under, { estimate: null }, "warn", "fails open"],
    ["fails closed on an unknown price", { ...under, failMode: "closed" }, { estimate: null }, "deny", "fails closed"],
    ["denies a trace past its step guard", { ...under, agentGuard: { maxSteps: 20, maxCost: null } }, { trace: { steps: 20, cost: 0n } }, "deny", "already made 20 steps"],
    ["allows a trace within its step guard", { ...under, agentGuard: { maxSteps: 20, maxCost: null } }, { trace: { steps: 19, cost: 0n } }, "allow", "within budget"],
    ["denies a trace past its cost guard", { ...under, agentGuard: { maxSteps: null, maxCost: usd("5") } }, { trace: { steps: 3, cost: usd("4.5") } }, "deny", "maximum cost per run"],
    ["ignores guards for calls without a trace", { ...under, agentGuard: { maxSteps: 1, maxCost: null } }, {}, "allow", "within budget"],
  ])("%s", (_name, b, i, decision, reason) => {
    const outcome = evaluate(input(i), [budget(b)]);
    expect(outcome.decision).toBe(decision);
    expect(outcome.reason).toContain(reason);
  });

  it("lets the strictest budget win and names it", () => {
    const outcome = evaluate(input(), [budget({ id: "a", name: "org", spent: usd("85") }), budget({ id: "b", name: "team cap", ...nearCap }), budget({ id: "c", name: "model", ...nearCap, action: "downgrade", downgradeTo: "gpt-4o-mini" })]);
    expect(outcome.decision).toBe("deny");
    expect(outcome.reason).toContain("'team cap'");
  });

  const dayEnd = new Date("2026-11-29T00:00:00Z"); // 12 h after `now`; the month ends in 60 h
  const day = { id: "d", name: "daily", periodEnd: dayEnd };
  const month = { id: "m", name: "monthly" };
  const guard = { agentGuard: { maxSteps: 20, maxCost: null } };
  const inMonth = (periodEnd.getTime() - now.getTime()) / 1000;
  const inDay = (dayEnd.getTime() - now.getTime()) / 1000;

  it.each<[string, Partial<GuardedBudget>[], Partial<PolicyInput>, number | undefined, string]>([
    ["one exhausted budget: at its reset", [nearCap], {}, inMonth, "'search monthly'"],
    ["day and month exhausted: the month still denies after the day resets", [{ ...day, ...nearCap }, { ...month, ...nearCap }], {}, inMonth, "'monthly'"],
    ["the same, listed the other way round", [{ ...month, ...nearCap }, { ...day, ...nearCap }], {}, inMonth, "'monthly'"],
    ["only the day exhausted: at the day's reset", [{ ...day, ...nearCap }, { ...month, ...under }], {}, inDay, "'daily'"],
    ["an agent guard denies too: no reset lifts it", [{ ...day, ...nearCap }, { ...month, ...under, ...guard }], { trace: { steps: 20, cost: 0n } }, undefined, "agent guard of budget 'monthly'"],
    ["the estimate alone is over the limit: no reset lets it fit", [{ ...under, limit: usd("0.5") }], {}, undefined, "estimate alone"],
    ["an estimate over one budget's limit outlasts another's reset", [{ ...day, ...nearCap }, { ...month, ...under, limit: usd("0.5") }], {}, undefined, "'monthly'"],
    ["a missing price on a fail-closed budget: no reset gives it one", [{ ...day, ...nearCap }, { ...month, ...under, failMode: "closed" }], { estimate: null }, undefined, "fails closed"],
  ])("retry after a denial — %s", (_name, budgets, i, retryAfterSeconds, reason) => {
    const outcome = evaluate(input(i), budgets.map((b) => budget(b)));
    expect(outcome.decision).toBe("deny");
    expect(outcome.retryAfterSeconds).toBe(retryAfterSeconds);
    expect(outcome.reason).toContain(reason);
  });

  it("holds the downgraded model's estimate", () => {
    const outcome = evaluate(input(), [budget({ ...nearCap, action: "downgrade", downgradeTo: "gpt-4o-mini" })]);
    expect(outcome).toMatchObject({ model: "gpt-4o-mini", hold: usd("0.1") });
  });

  // A downgraded call is judged again on its own estimate by the budgets it matches on the cheaper model.
  const toMini = { id: "x", name: "gpt-4o cap", ...nearCap, action: "downgrade", downgradeTo: "gpt-4o-mini" } as const;
  const spentOut = { spent: usd("100"), alertThresholds: [] };
  it.each<[string, Partial<GuardedBudget>[], Record<string, Partial<GuardedBudget>[]>, PolicyDecision, string, string]>([
    ["a spent hard cap on the cheaper model refuses it", [toMini], { "gpt-4o-mini": [{ id: "m", name: "mini cap", ...spentOut }] }, "deny", "gpt-4o", "'mini cap' (hard cap)"],
    ["a cap on the cheaper model with room allows it", [toMini], { "gpt-4o-mini": [{ id: "m", name: "mini cap", ...under }] }, "downgrade", "gpt-4o-mini", "use gpt-4o-mini"],
    ["a hard cap the cheaper call still passes downgrades it further, if it may",
      [toMini, { id: "y", name: "feature cap", spent: usd("99.95"), action: "downgrade", downgradeTo: "claude-haiku" }], {}, "downgrade", "claude-haiku", "'feature cap' would be exceeded on gpt-4o-mini; use claude-haiku"],
    ["a soft downgrade the cheaper model's hard cap refuses", [{ ...toMini, mode: "soft", spent: usd("100") }], { "gpt-4o-mini": [{ id: "m", name: "mini cap", ...spentOut }] }, "deny", "gpt-4o", "'mini cap' (hard cap)"],
    // a soft budget never "downgrades" to a dearer model (back to gpt-4o here): it warns
    ["never to a dearer model, so never back to one already tried", [toMini], { "gpt-4o-mini": [{ id: "m", name: "mini back", ...spentOut, mode: "soft", action: "downgrade", downgradeTo: "gpt-4o" }] }, "downgrade", "gpt-4o-mini", "use gpt-4o-mini"],
  ])("downgrade — %s", (_name, budgets, on, decision, model, reason) => {
    const onModel = Object.fromEntries(Object.entries(on).map(([m, bs]) => [m, bs.map((b) => budget(b))]));
    const outcome = evaluate(input(), budgets.map((b) => budget(b)), onModel);
    expect(outcome).toMatchObject({ decision, model });
    expect(outcome.reason).toContain(reason);
  });

  it("holds a downgraded call on the budgets it matches on the cheaper model", () => {
    const mini = [budget({ id: "m", name: "mini cap", ...under })];
    expect(evaluate(input(), [budget(toMini)], { "gpt-4o-mini": mini })).toMatchObject({ decision: "downgrade", hold: usd("0.1"), budgets: mini });
  });

  it("allows when no budget applies", () => {
    expect(evaluate(input(), [])).toMatchObject({ decision: "allow", reason: "no budget applies", hold: usd("1") });
  });
});
