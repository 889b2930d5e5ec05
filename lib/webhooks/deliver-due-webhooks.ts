// One pass of the delivery worker. Due deliveries are claimed with
// FOR UPDATE SKIP LOCKED in one short statement that counts the attempt and
// leases the row (next_attempt_at moves past the POST's timeout), so no
// connection or lock is held during HTTP and several processes never send
// the same attempt. A process that dies mid-send leaves the lease to expire:
// the delivery is tried again (at least once, never silently lost).
import type pg from "pg";
import { pool } from "@/lib/db";
import { toAlertDto } from "@/lib/alerts/to-alert-dto";
import type { WebhookFormat } from "@/lib/schemas/webhooks";
import { type WebhookEvent, webhookBody } from "./format-payload";
import { DELIVERY_TIMEOUT_MS, type PostResult, postWebhook } from "./post-webhook";
import { DEFAULT_BACKOFF_MS, retryDelayMs } from "./retry-schedule";

export type DeliveryOptions = {
  /** Wait after the n-th failed attempt; its length + 1 is the number of attempts. */
  backoffMs?: readonly number[];
  batchSize?: number;
  timeoutMs?: number;
  /** Only these organisations' deliveries (tests); default all. */
  orgIds?: string[];
};

export type PassResult = { claimed: number; delivered: number; retrying: number; failed: number };

type Claimed = {
  org_id: string;
  id: string;
  alert_id: string;
  event: WebhookEvent;
  attempts: number;
  url: string;
  format: WebhookFormat;
  secret: string;
  kind: string;
  message: string;
  payload: unknown;
  alert_created_at: Date;
};

const CLAIM_SQL = `
WITH due AS (
  SELECT d.org_id, d.id FROM webhook_deliveries d
    JOIN webhooks w ON w.org_id = d.org_id AND w.id = d.webhook_id AND w.enabled
   WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND d.alert_id IS NOT NULL AND ($3::text[] IS NULL OR d.org_id = ANY($3::text[]))
   ORDER BY d.next_attempt_at
   LIMIT $1
   FOR UPDATE OF d SKIP LOCKED
),
claimed AS (
  UPDATE webhook_deliveries d
     SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
    FROM due WHERE d.org_id = due.org_id AND d.id = due.id
  RETURNING d.org_id, d.id, d.webhook_id, d.alert_id, d.event, d.attempts
)
SELECT c.org_id, c.id, c.alert_id, c.event, c.attempts, w.url, w.format::text AS format, w.secret,
       a.kind, a.message, a.payload, a.created_at AS alert_created_at
  FROM claimed c
  JOIN webhooks w ON w.org_id = c.org_id AND w.id = c.webhook_id
  JOIN alerts a ON a.org_id = c.org_id AND a.id = c.alert_id`;

/** Records an attempt unless the row was claimed again meanwhile (its lease ran out). */
const RECORD_SQL = `
UPDATE webhook_deliveries
   SET status = $3::webhook_delivery_status, last_status_code = $4, last_error = $5,
       next_attempt_at = CASE WHEN $6::double precision IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $6::double precision / 1000) END,
       delivered_at = CASE WHEN $3 = 'delivered' THEN now() END
 WHERE org_id = $1 AND id = $2 AND attempts = $7 AND status = 'pending'`;

/** Lease of a claimed delivery: well past the POST's timeout. */
function leaseMs(timeoutMs: number): number {
  return Math.max(60_000, timeoutMs * 4);
}

async function record(db: pg.Pool, d: Claimed, result: PostResult, backoffMs: readonly number[]): Promise<keyof Omit<PassResult, "claimed">> {
  const delay = result.ok ? null : retryDelayMs(d.attempts, backoffMs);
  const status = result.ok ? "delivered" : delay === null ? "failed" : "pending";
  await db.query(RECORD_SQL, [d.org_id, d.id, status, result.statusCode, result.error, delay, d.attempts]);
  return status === "pending" ? "retrying" : status;
}

async function send(d: Claimed, timeoutMs: number): Promise<PostResult> {
  const alert = toAlertDto({
    id: d.alert_id, kind: d.kind, budgetId: null, threshold: null, periodStart: null,
    message: d.message, payload: d.payload, createdAt: d.alert_created_at, acknowledgedAt: null,
  });
  const body = webhookBody(d.format, alert, d.event);
  return postWebhook({ url: d.url, secret: d.secret, body, event: d.event, deliveryId: d.id, timeoutMs });
}

/** Claims up to `batchSize` due deliveries, POSTs them in parallel, records each attempt. */
export async function deliverDueWebhooks(options: DeliveryOptions = {}): Promise<PassResult> {
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const db = pool();
  const { rows } = await db.query<Claimed>(CLAIM_SQL, [options.batchSize ?? 20, leaseMs(timeoutMs), options.orgIds ?? null]);
  const result: PassResult = { claimed: rows.length, delivered: 0, retrying: 0, failed: 0 };
  const outcomes = await Promise.all(rows.map(async (d) => record(db, d, await send(d, timeoutMs), backoffMs)));
  for (const outcome of outcomes) result[outcome]++;
  return result;
}
