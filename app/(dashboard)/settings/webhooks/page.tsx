import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { WebhooksView } from "@/components/webhooks/webhooks-view";
import { requirePermission } from "@/lib/auth/viewer";
import { webhooksQueryOptions } from "@/lib/queries/webhooks";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const viewer = await requirePermission("webhooks.manage");
  const queryClient = new QueryClient();
  queryClient.setQueryData(webhooksQueryOptions().queryKey, { webhooks: await listWebhooks({ orgId: viewer.orgId }) });
  return (
    <>
      <div className="page-header">
        <p>
          <Link href="/settings">Settings</Link> /
        </p>
        <h1>Webhooks</h1>
        <p>
          Every new <Link href="/alerts">alert</Link> is POSTed to each enabled webhook, signed with HMAC-SHA256 of its timestamp and body (
          <code>X-FinOps-Timestamp</code>, <code>X-FinOps-Signature: sha256=…</code> over <code>timestamp.body</code>) and retried with backoff when it fails.
        </p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <WebhooksView timeZone={viewer.timeZone} />
      </HydrationBoundary>
    </>
  );
}
