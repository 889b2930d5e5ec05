import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { listWebhooks } from "./list-webhooks";
import { WEBHOOK_PUBLIC_FIELDS } from "./webhook-access";

/**
 * Renames, enables or disables a webhook. Disabling gives up its pending
 * deliveries (marked failed): enabling it later must not replay old alerts.
 */
export async function updateWebhook(input: {
  orgId: string;
  id: string;
  name?: string;
  enabled?: boolean;
  actorUserId: string | null;
}): Promise<WebhookDto> {
  await prisma().$transaction(async (tx) => {
    const where = { orgId_id: { orgId: input.orgId, id: input.id } };
    const before = await tx.webhook.findUnique({ where, select: WEBHOOK_PUBLIC_FIELDS });
    if (!before) throw new AppError("not_found", "No webhook with this id.");
    const after = await tx.webhook.update({ where, data: { name: input.name, enabled: input.enabled }, select: WEBHOOK_PUBLIC_FIELDS });
    if (before.enabled && !after.enabled) {
      await tx.webhookDelivery.updateMany({
        where: { orgId: input.orgId, webhookId: input.id, status: "pending" },
        data: { status: "failed", lastError: "webhook disabled before delivery" },
      });
    }
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "webhook.update",
      entityType: "webhook",
      entityId: input.id,
      before: { name: before.name, enabled: before.enabled },
      after: { name: after.name, enabled: after.enabled },
    });
  });
  const webhook = (await listWebhooks({ orgId: input.orgId })).find((w) => w.id === input.id);
  if (!webhook) throw new AppError("not_found", "No webhook with this id.");
  return webhook;
}
