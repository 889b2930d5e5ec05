// The statements of a group-committed reserving batch (reserve.ts), in the
// order it runs them. Only LOCK_LEDGERS_SQL, EXPIRED_HOLDS_SQL (when a hold
// has expired) and SETTLE_SQL run while the batch holds its ledger locks; the
// insert, with its index entries, happens before, while another batch may hold them.
// reserve.ts runs them as named prepared statements: planned once per
// connection, not on every batch (planning the lock took longer than running it).
import { readsCte } from "@/lib/sql-reads-cte";
import { NOTIFY_BUDGET_CHANGE } from "./budget-notify";

/**
 * Every reservation of the batch as held at its estimate on each matching
 * budget's ledger period (the row's hold arrays). Not visible to anyone
 * before the commit, by when the denied ones are gone again (SETTLE_SQL).
 * $1-$6 reservations (org, id, estimate, trace, API key, TTL seconds);
 * $7-$8 each one's hold budget ids and period starts, as array literals.
 */
export const HOLD_SQL = `
INSERT INTO reservations (org_id, id, estimate_usd, status, trace_id, api_key_id, expires_at, hold_budget_ids, hold_period_starts)
SELECT o, i, e, 'held', t, k, now() + make_interval(secs => s), b::text[], p::timestamptz[]
  FROM unnest($1::text[], $2::text[], $3::numeric[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) AS x(o, i, e, t, k, s, b, p)`;

/**
 * FROM-clause of the holds of reservations `source` (named `alias`), one row
 * per ledger a reservation names: `h.budget_id`, `h.period_start`, each held
 * at the reservation's `estimate_usd`.
 */
export const HOLDS_OF = (source: string, alias: string) =>
  `${source} ${alias} CROSS JOIN LATERAL unnest(${alias}.hold_budget_ids, ${alias}.hold_period_starts) AS h(budget_id, period_start)`;

/**
 * Creates missing ledgers and locks every ledger in key order (ON CONFLICT DO
 * UPDATE locks existing rows, and waits for and then sees rows another
 * transaction is creating), and returns their totals, with whether any held
 * reservation of the organisations has expired. That flag comes from the
 * statement's snapshot, taken before any wait for a lock: it may still show a
 * hold an expiry sweep has since released (then EXPIRED_HOLDS_SQL, run after,
 * finds the truth), and it can miss only a reservation committed during the
 * wait that had already expired, which then stays counted: a stricter answer,
 * never a cap exceeded. Most batches see no expired hold and skip that statement.
 * $1-$4 ledger keys (org, budget, period start, period end), sorted; $5 organisations.
 */
export const LOCK_LEDGERS_SQL = `
WITH locked AS (
  INSERT INTO budget_ledgers AS l (org_id, budget_id, period_start, period_end)
  SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) ORDER BY 1, 2
  ON CONFLICT (org_id, budget_id, period_start) DO UPDATE SET period_end = l.period_end
  RETURNING l.org_id, l.budget_id, l.period_start, l.spent_usd::text AS spent, l.reserved_usd::text AS reserved
)
SELECT locked.*, EXISTS (
  SELECT 1 FROM reservations r WHERE r.org_id = ANY($5::text[]) AND r.status = 'held' AND r.expires_at <= now()
) AS any_expired
  FROM locked`;

/**
 * Expired holds still on the locked ledgers, to leave out of their totals.
 * A statement of its own, run once the locks are held: its snapshot is then
 * taken after any expiry sweep that held a lock before us has committed, so
 * a hold the sweep already took off a ledger is never subtracted twice (in
 * the lock statement, whose snapshot predates its wait, it could be).
 * Expired holds are found from the reservations index (few rows); the
 * batch's own reservations ($2) are not on the ledgers yet.
 * $1 organisations; $2 the batch's reservation ids.
 */
export const EXPIRED_HOLDS_SQL = `
SELECT r.org_id, h.budget_id, h.period_start, sum(r.estimate_usd)::text AS amount
  FROM ${HOLDS_OF("reservations", "r")}
 WHERE r.org_id = ANY($1::text[]) AND r.status = 'held' AND r.expires_at <= now() AND r.id <> ALL($2::text[])
 GROUP BY 1, 2, 3`;

/**
 * The decisions: denied reservations dropped (their holds go with them), a
 * downgraded one re-amounted to the cheaper model's estimate and moved to the
 * ledgers of the budgets the cheaper call matches, the allowed holds added to
 * the ledgers, and the notification.
 * $1-$2 denied (org, id); $3-$5 re-amounted (org, id, amount), $10-$11 their
 * hold budget ids and period starts (array literals);
 * $6-$9 ledger additions (org, budget, period start, amount).
 */
export const SETTLE_SQL = `
WITH dropped AS (
  DELETE FROM reservations r USING unnest($1::text[], $2::text[]) AS d(org_id, id)
   WHERE r.org_id = d.org_id AND r.id = d.id
),
reamounted AS (
  UPDATE reservations r SET estimate_usd = x.amount, hold_budget_ids = x.b::text[], hold_period_starts = x.p::timestamptz[]
    FROM unnest($3::text[], $4::text[], $5::numeric[], $10::text[], $11::text[]) AS x(org_id, id, amount, b, p)
   WHERE r.org_id = x.org_id AND r.id = x.id
),
held AS (
  UPDATE budget_ledgers l SET reserved_usd = l.reserved_usd + x.amount, updated_at = now()
    FROM unnest($6::text[], $7::text[], $8::timestamptz[], $9::numeric[]) AS x(org_id, budget_id, period_start, amount)
   WHERE l.org_id = x.org_id AND l.budget_id = x.budget_id AND l.period_start = x.period_start
  RETURNING l.org_id
)
${NOTIFY_BUDGET_CHANGE("held")}`;

/**
 * An optimistic batch (reserve-optimistic.ts), decided on ledgers read
 * without a lock, in one statement that is its own transaction: the allowed
 * reservations (HOLD_SQL's $1-$8, at their final amounts), their holds added
 * to the ledgers, and the notification, all undone by an error (SQLSTATE
 * 40001) unless every ledger was found ($13 of them) and none of a hard,
 * refusing budget (deny or downgrade) now passes its limit. The ledger rows
 * are locked only while this statement runs and commits.
 * $9-$12 ledger additions (org, budget, period start, amount), in key order.
 */
export const APPLY_OPTIMISTIC_SQL = `
WITH reserved AS (${HOLD_SQL}),
held AS (
  UPDATE budget_ledgers l SET reserved_usd = l.reserved_usd + x.amount, updated_at = now()
    FROM unnest($9::text[], $10::text[], $11::timestamptz[], $12::numeric[]) AS x(org_id, budget_id, period_start, amount), budgets b
   WHERE l.org_id = x.org_id AND l.budget_id = x.budget_id AND l.period_start = x.period_start
     AND b.org_id = l.org_id AND b.id = l.budget_id
  RETURNING l.org_id, (b.mode = 'soft' OR b.action = 'warn' OR l.spent_usd + l.reserved_usd <= b.limit_usd) AS fits
),
notified AS (${NOTIFY_BUDGET_CHANGE("held")})
SELECT finops_conflict_unless(count(*) = $13 AND coalesce(bool_and(fits), true)) AS applied
  FROM held ${readsCte("notified")}`;
