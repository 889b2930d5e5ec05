"use client";

import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { formatDateTime } from "@/lib/format";
import { useDeliveries } from "@/lib/queries/webhooks";
import type { WebhookDeliveryDto } from "@/lib/schemas/webhooks";

function StatusTag({ delivery }: { delivery: WebhookDeliveryDto }) {
  if (delivery.status === "failed") return <span className="tag tag-bad">failed</span>;
  if (delivery.status === "pending") return <span className="tag">{delivery.attempts === 0 ? "queued" : "retrying"}</span>;
  return <span className="tag">delivered</span>;
}

export function DeliveryLog({ webhookId, name, timeZone }: { webhookId: string; name: string; timeZone: string }) {
  const deliveries = useDeliveries({ webhookId });
  if (deliveries.isPending) return <LoadingBlock what={`deliveries of ${name}`} />;
  if (deliveries.isError) return <QueryError what="the delivery log" error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const rows = deliveries.data.deliveries;
  if (rows.length === 0) return <p className="empty">Nothing sent to “{name}” yet. Use “Send test” to try it.</p>;
  return (
    <table className="table" data-testid={`deliveries-${webhookId}`}>
      <caption className="sr-only">Deliveries to {name}, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Queued</th>
          <th scope="col">What</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">
            Attempts
          </th>
          <th scope="col">Last answer</th>
          <th scope="col">Next attempt</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            <td>{formatDateTime(d.createdAt, timeZone)}</td>
            <td>{d.summary}</td>
            <td>
              <StatusTag delivery={d} />
            </td>
            <td className="num">{d.attempts}</td>
            <td>
              {d.lastStatusCode !== null && <code>{d.lastStatusCode}</code>} {d.lastError ? <span className="error-text">{d.lastError}</span> : d.status === "delivered" ? "OK" : null}
            </td>
            <td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, timeZone) : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
