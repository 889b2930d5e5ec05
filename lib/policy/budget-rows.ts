// Budgets and their current ledgers as the policy engine reads them.
import type pg from "pg";
import { parseUsd } from "@/lib/money";
import type { BudgetPeriod } from "@/lib/schemas/budgets";
import type { GuardedBudget } from "./evaluate-policy";
import { periodBounds } from "./period";

export type BudgetRow = {
  id: string;
  name: string;
  scopeType: "org" | "team" | "feature" | "model" | "api_key";
  scopeValue: string | null;
  period: BudgetPeriod;
  limit: bigint;
  mode: "hard" | "soft";
  action: "deny" | "downgrade" | "warn";
  downgradeTo: string | null;
  alertThresholds: number[];
  failMode: "open" | "closed";
  agentGuard: { maxSteps: number | null; maxCost: bigint | null } | null;
};

export type Ledger = { periodStart: number; spent: bigint; reserved: bigint };

/** What a call is, for matching budget scopes. */
export type CallScope = { teamId: string | null; feature: string; model: string; pricedModel: string | null; apiKeyId: string };

type Queryable = Pick<pg.Pool, "query">;

/** Budgets last read per organisation: what fail modes are read from when PostgreSQL is down. */
const lastKnown = new Map<string, BudgetRow[]>();

export function lastKnownBudgets(orgId: string): BudgetRow[] {
  return lastKnown.get(orgId) ?? [];
}

export async function loadBudgets(db: Queryable, orgId: string): Promise<BudgetRow[]> {
  // named: prepared once per connection (every reserving batch reads budgets)
  const { rows } = await db.query({
    name: "policy-load-budgets",
    text: `SELECT id, name, scope_type, scope_value, period, limit_usd::text AS limit_usd, mode, action, downgrade_to,
                  alert_thresholds::float8[] AS alert_thresholds, fail_mode, agent_max_steps, agent_max_cost_usd::text AS agent_max_cost_usd
             FROM budgets WHERE org_id = $1 AND archived_at IS NULL ORDER BY id`,
    values: [orgId],
  });
  const budgets: BudgetRow[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopeType: r.scope_type,
    scopeValue: r.scope_value,
    period: r.period,
    limit: parseUsd(r.limit_usd),
    mode: r.mode,
    action: r.action,
    downgradeTo: r.downgrade_to,
    alertThresholds: r.alert_thresholds ?? [],
    failMode: r.fail_mode,
    agentGuard:
      r.agent_max_steps === null && r.agent_max_cost_usd === null
        ? null
        : { maxSteps: r.agent_max_steps, maxCost: r.agent_max_cost_usd === null ? null : parseUsd(r.agent_max_cost_usd) },
  }));
  lastKnown.set(orgId, budgets);
  return budgets;
}

/**
 * Ledgers of periods not yet over, by budget id, and when the first
 * reservation they count as held expires (ms since the epoch; null when none
 * is held), read in one snapshot. The first expiry is one probe of the
 * (org_id, status, expires_at) index: min() was planned, on a generic plan,
 * as a scan of every held reservation.
 */
export async function loadLedgers(db: Queryable, orgId: string): Promise<{ ledgers: Map<string, Ledger>; holdsExpireAt: number | null }> {
  const { rows } = await db.query({
    name: "policy-load-ledgers",
    text: `SELECT l.budget_id, l.period_start, l.spent_usd::text AS spent, l.reserved_usd::text AS reserved, h.first AS holds_expire_at
             FROM (SELECT (SELECT expires_at FROM reservations WHERE org_id = $1 AND status = 'held' ORDER BY expires_at LIMIT 1) AS first) h
             LEFT JOIN budget_ledgers l ON l.org_id = $1 AND l.period_end > now()`,
    values: [orgId],
  });
  const ledgers = rows.filter((r) => r.budget_id !== null);
  return {
    ledgers: new Map(ledgers.map((r) => [r.budget_id, { periodStart: (r.period_start as Date).getTime(), spent: parseUsd(r.spent), reserved: parseUsd(r.reserved) }])),
    holdsExpireAt: (rows[0].holds_expire_at as Date | null)?.getTime() ?? null,
  };
}

export function budgetMatches(b: BudgetRow, call: CallScope): boolean {
  switch (b.scopeType) {
    case "org":
      return true;
    case "team":
      return b.scopeValue === call.teamId;
    case "feature":
      return b.scopeValue === call.feature;
    case "model":
      return b.scopeValue === call.model || (call.pricedModel !== null && b.scopeValue === call.pricedModel);
    case "api_key":
      return b.scopeValue === call.apiKeyId;
  }
}

export type CurrentBudget = BudgetRow & GuardedBudget & { periodStart: Date; row: BudgetRow };

/** The budget with the ledger of the period `now` falls in (zero when none yet). */
export function guarded(b: BudgetRow, ledgers: Map<string, Ledger>, now: Date, timeZone: string): CurrentBudget {
  const { start, end } = periodBounds(b.period, now, timeZone);
  const ledger = ledgers.get(b.id);
  const current = ledger && ledger.periodStart === start.getTime() ? ledger : { spent: 0n, reserved: 0n };
  // Fields listed, not spread: `{ ...b, extra }` takes V8 (Node 20) about 5 µs, this well under one.
  return {
    id: b.id, name: b.name, scopeType: b.scopeType, scopeValue: b.scopeValue, period: b.period, limit: b.limit, mode: b.mode, action: b.action,
    downgradeTo: b.downgradeTo, alertThresholds: b.alertThresholds, failMode: b.failMode, agentGuard: b.agentGuard,
    spent: current.spent, reserved: current.reserved, periodStart: start, periodEnd: end, row: b,
  };
}
