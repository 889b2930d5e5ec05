// Deliveries are written in the transaction that raised their alert (an
// outbox); a notification on this channel, delivered at commit, wakes the
// delivery workers of every process instead of waiting for their next poll.
import type { WebhookEvent } from "./format-payload";

export const WEBHOOK_CHANNEL = "finops_webhooks";

/** INSERT … RETURNING org_id queueing a delivery of every alert in `relation` (org_id, id) to each enabled webhook of its organisation. */
export function QUEUE_WEBHOOK_DELIVERIES(relation: string, event: WebhookEvent): string {
  return `INSERT INTO webhook_deliveries (org_id, id, webhook_id, alert_id, event)
  SELECT a.org_id, gen_random_uuid()::text, w.id, a.id, '${event}'
    FROM ${relation} a JOIN webhooks w ON w.org_id = a.org_id AND w.enabled
  RETURNING org_id`;
}

/** SELECT that notifies once per organisation found in `relation.org_id`. */
export function NOTIFY_WEBHOOK_DELIVERIES(relation: string): string {
  return `SELECT pg_notify('${WEBHOOK_CHANNEL}', org_id) FROM (SELECT DISTINCT org_id FROM ${relation}) AS queued_orgs`;
}
