import { route } from "@/lib/http/route";
import { UpdateWebhookBody } from "@/lib/schemas/webhooks";
import { deleteWebhook } from "@/lib/webhooks/delete-webhook";
import { updateWebhook } from "@/lib/webhooks/update-webhook";

// PATCH /api/webhooks/:id: rename, enable or disable (disabling gives up pending deliveries).
export const PATCH = route({ action: "webhooks.manage", body: UpdateWebhookBody }, async ({ viewer, params, body }) => ({
  webhook: await updateWebhook({ orgId: viewer.orgId, id: params.id, name: body.name, enabled: body.enabled, actorUserId: viewer.userId }),
}));

// DELETE /api/webhooks/:id: delete a webhook and its delivery log.
export const DELETE = route({ action: "webhooks.manage" }, async ({ viewer, params }) => ({
  webhook: await deleteWebhook({ orgId: viewer.orgId, id: params.id, actorUserId: viewer.userId }),
}));
