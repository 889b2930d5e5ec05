"use client";

import { useState } from "react";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { SecretOnce } from "@/components/ui/secret-once";
import { useWebhooks } from "@/lib/queries/webhooks";
import { CreateWebhookForm } from "./create-webhook-form";
import { WebhookRow } from "./webhook-row";

export function WebhooksView({ timeZone }: { timeZone: string }) {
  const [created, setCreated] = useState<{ secret: string; name: string } | null>(null);
  const webhooks = useWebhooks();
  return (
    <>
      <section className="card" aria-labelledby="new-webhook">
        <h2 id="new-webhook">New webhook</h2>
        {created ? (
          <SecretOnce secret={created.secret} testId="new-webhook-secret" onDone={() => setCreated(null)}>
            <strong>Webhook “{created.name}” created.</strong> Copy its signing secret now: it is shown only once. Your receiver checks each delivery with it:
            <code> X-FinOps-Signature: sha256=&lt;hex HMAC-SHA256 of &quot;&lt;X-FinOps-Timestamp&gt;.&lt;raw body&gt;&quot;&gt;</code>, and refuses a
            timestamp more than a few minutes old.
          </SecretOnce>
        ) : (
          <CreateWebhookForm onCreated={(secret, name) => setCreated({ secret, name })} />
        )}
      </section>
      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">Webhooks</h2>
        {webhooks.isPending ? (
          <LoadingBlock what="webhooks" />
        ) : webhooks.isError ? (
          <QueryError what="the webhooks" error={webhooks.error} onRetry={() => webhooks.refetch()} />
        ) : webhooks.data.webhooks.length === 0 ? (
          <p className="empty">No webhooks yet. Alerts still appear on the Alerts page; add a webhook to send them to Slack or your own service.</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {webhooks.data.webhooks.map((webhook) => (
              <WebhookRow key={webhook.id} webhook={webhook} timeZone={timeZone} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
