// Anomaly and runaway-agent insights raise alerts through the webhook
// channel, like budget alerts: a sweeper runs the detectors over the last
// two weeks (the runaway detector's normal range needs them) of every
// organisation that spent in the last day; a spike whose peak day, or a
// runaway whose worst trace, is of the last two days becomes an alert once (alerts.dedupe_key = the insight id, which
// names the day of a spike and the worst trace of a runaway), with a queued
// delivery to every enabled webhook, in one statement.
import { pool } from "@/lib/db";
import { millisecondsSetting } from "@/lib/env";
import { formatUsd } from "@/lib/money";
import { repeater } from "@/lib/time/repeat";
import type { InsightAlertPayload } from "@/lib/schemas/alerts";
import { NOTIFY_WEBHOOK_DELIVERIES, QUEUE_WEBHOOK_DELIVERIES } from "@/lib/webhooks/webhook-notify";
import { detectInsights } from "./detect-insights";
import { DAY_MS, type Insight } from "./types";
import { HOURLY_ROLLUP } from "@/lib/rollups/rollup-sources";

const RAISE_SQL = `
WITH candidates AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb) AS c(kind text, dedupe_key text, message text, payload jsonb)
),
new_alerts AS (
  INSERT INTO alerts (org_id, id, kind, message, payload, dedupe_key)
  SELECT $1, gen_random_uuid()::text, c.kind, c.message, c.payload, c.dedupe_key FROM candidates c
  ON CONFLICT (org_id, dedupe_key) DO NOTHING
  RETURNING org_id, id
),
deliveries AS (${QUEUE_WEBHOOK_DELIVERIES("new_alerts", "insight.alert")}),
notified AS (${NOTIFY_WEBHOOK_DELIVERIES("deliveries")})
SELECT (SELECT count(*) FROM new_alerts)::int AS raised, (SELECT count(*) FROM notified)::int AS notified`;

const LOOKBACK_DAYS = 14;
const RECENT_DAYS = 2;
const floorDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** When the finding happened: a spike's peak day, a runaway's worst trace start. */
function happenedAt(insight: Insight): number {
  if (insight.kind === "anomaly") return Date.parse(`${String(insight.evidence.day)}T00:00:00Z`);
  const worst = (insight.evidence.worst as Array<{ startedAt: string }> | undefined)?.[0];
  return worst ? Date.parse(worst.startedAt) : 0;
}

/** Raises the alerts of one organisation's current anomaly and runaway insights; returns how many are new. */
export async function raiseInsightAlerts(orgId: string, now = new Date()): Promise<number> {
  const { insights } = await detectInsights({ orgId, teamIds: null, from: new Date(now.getTime() - LOOKBACK_DAYS * DAY_MS), to: now });
  const recent = now.getTime() - RECENT_DAYS * DAY_MS;
  const candidates = insights
    .filter((i) => (i.kind === "anomaly" || i.kind === "runaway_agent") && happenedAt(i) >= floorDay(recent))
    .map((i) => {
      const payload: InsightAlertPayload = { insightId: i.id, title: i.title, team: i.team, feature: i.feature ?? null, traceId: i.traceId ?? null, usdAtStake: formatUsd(i.atStake) };
      return { kind: i.kind, dedupe_key: i.id, message: i.message, payload };
    });
  if (candidates.length === 0) return 0;
  const { rows } = await pool().query<{ raised: number }>(RAISE_SQL, [orgId, JSON.stringify(candidates)]);
  return rows[0].raised;
}

/** Organisations with spend in the last day: the only ones a new spike or runaway can be in. */
async function activeOrgs(now: Date): Promise<string[]> {
  const { rows } = await pool().query<{ id: string }>(
    `SELECT o.id FROM organizations o
      WHERE EXISTS (SELECT 1 FROM ${HOURLY_ROLLUP} r WHERE r.org_id = o.id AND r.bucket >= $1)`,
    [new Date(now.getTime() - DAY_MS)],
  );
  return rows.map((r) => r.id);
}

export async function raiseAllInsightAlerts(now = new Date()): Promise<number> {
  let raised = 0;
  for (const orgId of await activeOrgs(now)) raised += await raiseInsightAlerts(orgId, now);
  return raised;
}

const sweeper = repeater("insight alerts", raiseAllInsightAlerts, millisecondsSetting("INSIGHT_ALERT_INTERVAL_MS", 600_000));

/** Runs the insight alerts every `everyMs` in this process (the server starts it; 10 minutes by default). */
export const startInsightAlertSweeper = (everyMs?: number): void => sweeper.start(everyMs);
export const stopInsightAlertSweeper = (): void => sweeper.stop();
