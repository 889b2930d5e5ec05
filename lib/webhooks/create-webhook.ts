import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import type { WebhookDto, WebhookFormat } from "@/lib/schemas/webhooks";
import { generateWebhookSecret } from "./sign";
import { toWebhookDto } from "./to-webhook-dto";
import { WEBHOOK_PUBLIC_FIELDS } from "./webhook-access";

/**
 * Creates a webhook with a new signing secret and returns the secret: the
 * only answer that ever carries it (it is stored as is, to sign deliveries).
 */
export async function createWebhook(input: {
  orgId: string;
  name: string;
  url: string;
  format: WebhookFormat;
  actorUserId: string | null;
}): Promise<{ webhook: WebhookDto; secret: string }> {
  const { secret, prefix } = generateWebhookSecret();
  const webhook = await prisma().$transaction(async (tx) => {
    const created = await tx.webhook.create({
      data: { orgId: input.orgId, name: input.name, url: input.url, format: input.format, secret, secretPrefix: prefix, createdById: input.actorUserId },
      select: WEBHOOK_PUBLIC_FIELDS,
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.actorUserId,
      action: "webhook.create",
      entityType: "webhook",
      entityId: created.id,
      after: { name: created.name, url: created.url, format: created.format, secretPrefix: prefix, enabled: created.enabled },
    });
    return created;
  });
  return { webhook: toWebhookDto(webhook), secret };
}
