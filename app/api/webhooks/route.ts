import { route } from "@/lib/http/route";
import { CreateWebhookBody } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/webhooks/create-webhook";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { MANAGE_WEBHOOKS } from "@/lib/webhooks/webhook-access";

// GET /api/webhooks: the organisation's webhooks with delivery counts (admin, finance; never the secrets).
export const GET = route({ action: MANAGE_WEBHOOKS }, async ({ viewer }) => ({
  webhooks: await listWebhooks({ orgId: viewer.orgId }),
}));

// POST /api/webhooks: create a webhook; the answer carries its signing secret, shown once.
export const POST = route({ action: MANAGE_WEBHOOKS, body: CreateWebhookBody, status: 201 }, async ({ viewer, body }) =>
  createWebhook({ orgId: viewer.orgId, name: body.name, url: body.url, format: body.format, actorUserId: viewer.userId }),
);
