import type { WebhookDeliveryDto, WebhookDeliveryStatus, WebhookDto, WebhookFormat } from "@/lib/schemas/webhooks";

export type WebhookRecord = { id: string; name: string; url: string; format: WebhookFormat; secretPrefix: string; enabled: boolean; createdAt: Date };
export type DeliveryStats = { pending: number; failed: number; lastAttemptAt: Date | null };

export function toWebhookDto(row: WebhookRecord, stats: DeliveryStats = { pending: 0, failed: 0, lastAttemptAt: null }): WebhookDto {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    format: row.format,
    secretPrefix: row.secretPrefix,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    pendingDeliveries: stats.pending,
    failedDeliveries: stats.failed,
    lastDeliveryAt: stats.lastAttemptAt?.toISOString() ?? null,
  };
}

export type DeliveryRecord = {
  id: string;
  webhookId: string;
  alertId: string | null;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  alert?: { message: string } | null;
};

export function toDeliveryDto(row: DeliveryRecord): WebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    alertId: row.alertId,
    event: row.event,
    summary: row.alert?.message ?? (row.event === "webhook.test" ? "Test delivery" : "Alert no longer exists"),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
