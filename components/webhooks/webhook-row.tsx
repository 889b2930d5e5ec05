"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { useDeleteWebhook, useSendTestWebhook, useUpdateWebhook } from "@/lib/queries/webhooks";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { DeliveryLog } from "./delivery-log";

const FORMAT_LABEL = { slack: "Slack", generic: "Generic JSON" } as const;

/** One webhook as a card: its settings, actions and (on demand) its delivery log. */
export function WebhookRow({ webhook, timeZone }: { webhook: WebhookDto; timeZone: string }) {
  const [showLog, setShowLog] = useState(false);
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const test = useSendTestWebhook();
  const error = update.error ?? remove.error ?? test.error;
  const logId = `webhook-log-${webhook.id}`;
  const busy = update.isPending || remove.isPending || test.isPending;

  function confirmDelete() {
    if (window.confirm(`Delete “${webhook.name}” and its delivery log? Alerts not yet sent to it are dropped.`)) remove.mutate(webhook.id);
  }

  return (
    <li className="card" aria-labelledby={`webhook-${webhook.id}`} data-testid="webhook">
      <h3 id={`webhook-${webhook.id}`}>
        {webhook.name} {!webhook.enabled && <span className="tag">disabled</span>}
        {webhook.failedDeliveries > 0 && <span className="tag tag-bad">{webhook.failedDeliveries} failed</span>}
        {webhook.pendingDeliveries > 0 && <span className="tag">{webhook.pendingDeliveries} pending</span>}
      </h3>
      <p>
        <code style={{ wordBreak: "break-all" }}>{webhook.url}</code>
      </p>
      <p className="muted">
        {FORMAT_LABEL[webhook.format]} · secret <code>{webhook.secretPrefix}…</code> · created {formatDateTime(webhook.createdAt, timeZone)} · last attempt{" "}
        {formatDateTime(webhook.lastDeliveryAt, timeZone)}
      </p>
      <div className="checks">
        <button className="btn" type="button" disabled={busy} onClick={() => update.mutate({ id: webhook.id, enabled: !webhook.enabled })}>
          {webhook.enabled ? "Disable" : "Enable"}
          <span className="sr-only"> {webhook.name}</span>
        </button>
        <button className="btn" type="button" disabled={busy} onClick={() => test.mutate(webhook.id, { onSuccess: () => setShowLog(true) })}>
          {test.isPending ? "Sending…" : "Send test"}
          <span className="sr-only"> to {webhook.name}</span>
        </button>
        <button className="btn" type="button" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((s) => !s)}>
          {showLog ? "Hide deliveries" : "Show deliveries"}
          <span className="sr-only"> of {webhook.name}</span>
        </button>
        <button className="btn btn-danger" type="button" disabled={busy} onClick={confirmDelete}>
          Delete<span className="sr-only"> {webhook.name}</span>
        </button>
      </div>
      <p role="status" className={test.data?.delivery.status === "failed" ? "error-text" : "success-text"}>
        {test.data && !test.isPending
          ? test.data.delivery.status === "delivered"
            ? `Test delivered (HTTP ${test.data.delivery.lastStatusCode}).`
            : `Test failed: ${test.data.delivery.lastError ?? "no answer"}.`
          : ""}
      </p>
      {error && (
        <p className="error-text" role="alert">
          {error.message}
        </p>
      )}
      <div id={logId} hidden={!showLog}>
        {showLog && <DeliveryLog webhookId={webhook.id} name={webhook.name} timeZone={timeZone} />}
      </div>
    </li>
  );
}
