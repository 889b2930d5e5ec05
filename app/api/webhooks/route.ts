import { route } from "@/lib/http/route";
import { CreateWebhookBody } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

// GET /api/webhooks: the organisation's webhooks with delivery counts (admin, finance; never the secrets).
export const GET = route({ action: "webhooks.manage" }, async ({ viewer }) => ({
  webhooks: await listWebhooks({ orgId: viewer.orgId }),
}));

// POST /api/webhooks: create a webhook; the answer carries its signing secret, shown once.
export const POST = route({ action: "webhooks.manage", body: CreateWebhookBody, status: 201 }, async ({ viewer, body }) =>
  createWebhook({ orgId: viewer.orgId, name: body.name, url: body.url, format: body.format, actorUserId: viewer.userId }),
);
