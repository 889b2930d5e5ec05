import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { WebhookDeliveryDto } from "@/lib/schemas/webhooks";
import { sampleAlert, webhookBody } from "./format-payload";
import { postWebhook } from "./post-webhook";
import { toDeliveryDto } from "./to-webhook-dto";

/**
 * Sends a sample alert to the webhook now (once, no retries; also when the
 * webhook is disabled) and records the attempt in its delivery log.
 */
export async function sendTestWebhook(input: { orgId: string; id: string; now?: Date }): Promise<WebhookDeliveryDto> {
  const webhook = await prisma().webhook.findUnique({
    where: { orgId_id: { orgId: input.orgId, id: input.id } },
    select: { id: true, url: true, format: true, secret: true },
  });
  if (!webhook) throw new AppError("not_found", "No webhook with this id.");
  const now = input.now ?? new Date();
  const id = randomUUID();
  const body = webhookBody(webhook.format, sampleAlert(now), "webhook.test");
  const result = await postWebhook({ url: webhook.url, secret: webhook.secret, body, event: "webhook.test", deliveryId: id, now });
  const row = await prisma().webhookDelivery.create({
    data: {
      orgId: input.orgId,
      id,
      webhookId: webhook.id,
      event: "webhook.test",
      status: result.ok ? "delivered" : "failed",
      attempts: 1,
      nextAttemptAt: now,
      lastAttemptAt: now,
      lastStatusCode: result.statusCode,
      lastError: result.error,
      deliveredAt: result.ok ? new Date() : null,
    },
  });
  return toDeliveryDto(row);
}
