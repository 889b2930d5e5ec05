// The organisation bench/policy-bench.ts checks against: two teams, budgets
// that match the bench call (organisation, team "search", model "gpt-4o")
// and two that do not, and an API key with the policy scope. The model
// budget is the hard cap under test; its limit is set once the price of one
// call is known (setCapLimit).
import pg from "pg";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { closeDb } from "@/lib/db";
import { BUDGET_CHANNEL } from "@/lib/policy/budget-notify";
import { HOLDS_OF } from "@/lib/policy/reserve-sql";
import { makeBudget, makeOrg } from "@/tests/factories";

export type PolicyTenant = { orgId: string; apiKey: string; capBudgetId: string };

/** What every bench check asks: team, feature and model match three budgets. */
export const BENCH_CALL = { team: "search", feature: "answer", model: "gpt-4o", provider: "openai", estimate: { inputTokens: 2000, outputTokens: 500 } };

const PLENTY = "1000000";

export async function createPolicyTenant(databaseUrl: string): Promise<PolicyTenant> {
  process.env.DATABASE_URL = databaseUrl;
  try {
    const { org, teams } = await makeOrg({ slug: "bench-policy", teams: ["search", "support"] });
    const [search, support] = teams;
    await makeBudget(org.id, { name: "Company", scopeType: "org", limitUsd: PLENTY, alertThresholds: ["0.5", "0.8"] });
    await makeBudget(org.id, { name: "Search team", scopeType: "team", scopeValue: search.id, limitUsd: PLENTY, alertThresholds: ["0.8"] });
    await makeBudget(org.id, { name: "Support team", scopeType: "team", scopeValue: support.id, limitUsd: "10" });
    await makeBudget(org.id, { name: "Sonnet daily", scopeType: "model", scopeValue: "claude-sonnet-4", period: "day", limitUsd: "10" });
    const cap = await makeBudget(org.id, { name: "GPT-4o cap", scopeType: "model", scopeValue: BENCH_CALL.model, limitUsd: PLENTY, alertThresholds: ["0.9"] });
    const { secret } = await createApiKey({ orgId: org.id, name: "bench policy", scopes: ["policy"] });
    return { orgId: org.id, apiKey: secret, capBudgetId: cap.id };
  } finally {
    await closeDb();
  }
}

/** Sets the cap's limit and tells running servers (LISTEN/NOTIFY), as a budget edit does. */
export async function setCapLimit(db: pg.Client, tenant: PolicyTenant, limitUsd: string): Promise<void> {
  await db.query("BEGIN");
  try {
    await db.query("UPDATE budgets SET limit_usd = $3::numeric, updated_at = now() WHERE org_id = $1 AND id = $2", [tenant.orgId, tenant.capBudgetId, limitUsd]);
    await db.query("SELECT pg_notify($1, $2)", [BUDGET_CHANNEL, tenant.orgId]);
    await db.query("COMMIT");
  } catch (err) {
    await db.query("ROLLBACK");
    throw err;
  }
}

export type CapCheck = {
  /** Ledgers of hard budgets with spent + reserved over the limit (must be 0). */
  overCap: number;
  /** Ledgers whose reserved_usd differs from the sum of their held reservations (must be 0). */
  holdMismatches: number;
  /** Reservations held (each one an allowed reserving check). */
  reservations: number;
  capLimitUsd: string;
  capUsedUsd: string;
  hardLedgers: number;
};

export async function checkCaps(db: pg.Client, tenant: PolicyTenant): Promise<CapCheck> {
  const over = await db.query<{ over: number; ledgers: number }>(
    `SELECT count(*) FILTER (WHERE l.spent_usd + l.reserved_usd > b.limit_usd)::int AS over, count(*)::int AS ledgers
       FROM budget_ledgers l JOIN budgets b ON b.org_id = l.org_id AND b.id = l.budget_id
      WHERE l.org_id = $1 AND b.mode = 'hard'`,
    [tenant.orgId],
  );
  const holds = await db.query<{ mismatches: number }>(
    `SELECT count(*)::int AS mismatches
       FROM budget_ledgers l
       LEFT JOIN (SELECT h.budget_id, h.period_start, sum(r.estimate_usd) AS held
                    FROM ${HOLDS_OF("reservations", "r")}
                   WHERE r.org_id = $1 AND r.status = 'held' GROUP BY 1, 2) h
         ON h.budget_id = l.budget_id AND h.period_start = l.period_start
      WHERE l.org_id = $1 AND l.reserved_usd <> coalesce(h.held, 0)`,
    [tenant.orgId],
  );
  const reservations = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reservations WHERE org_id = $1 AND status = 'held'", [tenant.orgId]);
  const cap = await db.query<{ limit: string; used: string }>(
    `SELECT b.limit_usd::text AS limit, coalesce(sum(l.spent_usd + l.reserved_usd), 0)::text AS used
       FROM budgets b LEFT JOIN budget_ledgers l ON l.org_id = b.org_id AND l.budget_id = b.id
      WHERE b.org_id = $1 AND b.id = $2 GROUP BY b.limit_usd`,
    [tenant.orgId, tenant.capBudgetId],
  );
  return {
    overCap: over.rows[0].over,
    hardLedgers: over.rows[0].ledgers,
    holdMismatches: holds.rows[0].mismatches,
    reservations: reservations.rows[0].n,
    capLimitUsd: cap.rows[0].limit,
    capUsedUsd: cap.rows[0].used,
  };
}

export type DbCounters = { transactions: number; budgetReads: number; ledgerReads: number };

/** PostgreSQL's own counters for this database (backends report them within about a second of going idle). */
export async function dbCounters(db: pg.Client): Promise<DbCounters> {
  const { rows } = await db.query<{ xacts: string; budgets: string; ledgers: string }>(
    `SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database())::text AS xacts,
            (SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'budgets')::text AS budgets,
            (SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = 'budget_ledgers')::text AS ledgers`,
  );
  return { transactions: Number(rows[0].xacts), budgetReads: Number(rows[0].budgets), ledgerReads: Number(rows[0].ledgers) };
}
