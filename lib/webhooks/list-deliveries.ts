import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { WebhookDeliveryDto } from "@/lib/schemas/webhooks";
import { toDeliveryDto } from "./to-webhook-dto";

/** The delivery log of one webhook, newest first. */
export async function listDeliveries(input: { orgId: string; webhookId: string; limit: number }): Promise<WebhookDeliveryDto[]> {
  const webhook = await prisma().webhook.findUnique({ where: { orgId_id: { orgId: input.orgId, id: input.webhookId } }, select: { id: true } });
  if (!webhook) throw new AppError("not_found", "No webhook with this id.");
  const rows = await prisma().webhookDelivery.findMany({
    where: { orgId: input.orgId, webhookId: input.webhookId },
    include: { alert: { select: { message: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit,
  });
  return rows.map(toDeliveryDto);
}
