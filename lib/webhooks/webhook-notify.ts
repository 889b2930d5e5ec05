// Deliveries are written in the transaction that raised their alert (an
// outbox); a notification on this channel, delivered at commit, wakes the
// delivery workers of every process instead of waiting for their next poll.
export const WEBHOOK_CHANNEL = "finops_webhooks";

/** SELECT that notifies once per organisation found in `relation.org_id`. */
export function NOTIFY_WEBHOOK_DELIVERIES(relation: string): string {
  return `SELECT pg_notify('${WEBHOOK_CHANNEL}', org_id) FROM (SELECT DISTINCT org_id FROM ${relation}) AS queued_orgs`;
}
