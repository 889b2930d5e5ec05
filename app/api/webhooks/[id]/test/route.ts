import { route } from "@/lib/http/route";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

// POST /api/webhooks/:id/test: send a sample alert now and answer with the logged attempt.
export const POST = route({ action: "webhooks.manage" }, async ({ viewer, params }) => ({
  delivery: await sendTestWebhook({ orgId: viewer.orgId, id: params.id }),
}));
