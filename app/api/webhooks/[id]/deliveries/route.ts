import { route } from "@/lib/http/route";
import { ListDeliveriesQuery } from "@/lib/schemas/webhooks";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";

// GET /api/webhooks/:id/deliveries: the webhook's delivery log, newest first.
export const GET = route({ action: "webhooks.manage", query: ListDeliveriesQuery }, async ({ viewer, params, query }) => ({
  deliveries: await listDeliveries({ orgId: viewer.orgId, webhookId: params.id, limit: query.limit }),
}));
