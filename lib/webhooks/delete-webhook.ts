import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { toWebhookDto } from "./to-webhook-dto";
import { WEBHOOK_PUBLIC_FIELDS } from "./webhook-access";

/** Deletes a webhook with its delivery log; deliveries not yet sent are dropped. */
export async function deleteWebhook(input: { orgId: string; id: string; actorUserId: string | null }): Promise<WebhookDto> {
  return prisma().$transaction(async (tx) => {
    const where = { orgId_id: { orgId: input.orgId, id: input.id } };
    const webhook = await tx.webhook.findUnique({ where, select: WEBHOOK_PUBLIC_FIELDS });
    if (!webhook) throw new AppError("not_found", "No webhook with this id.");
    await tx.webhook.delete({ where, select: { id: true } });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "webhook.delete",
      entityType: "webhook",
      entityId: input.id,
      before: { name: webhook.name, url: webhook.url, format: webhook.format, enabled: webhook.enabled },
    });
    return toWebhookDto(webhook);
  });
}
