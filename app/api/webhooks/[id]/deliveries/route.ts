import { route } from "@/lib/http/route";
import { ListDeliveriesQuery } from "@/lib/schemas/webhooks";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { MANAGE_WEBHOOKS } from "@/lib/webhooks/webhook-access";

// GET /api/webhooks/:id/deliveries: the webhook's delivery log, newest first.
export const GET = route({ action: MANAGE_WEBHOOKS, query: ListDeliveriesQuery }, async ({ viewer, params, query }) => ({
  deliveries: await listDeliveries({ orgId: viewer.orgId, webhookId: params.id, limit: query.limit }),
}));
