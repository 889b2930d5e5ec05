import { prisma } from "@/lib/db";
import type { WebhookDto } from "@/lib/schemas/webhooks";
import { type DeliveryStats, toWebhookDto } from "./to-webhook-dto";
import { WEBHOOK_PUBLIC_FIELDS } from "./webhook-access";

/** The organisation's webhooks, oldest first, with their delivery counts (never their secrets). */
export async function listWebhooks({ orgId }: { orgId: string }): Promise<WebhookDto[]> {
  const [webhooks, groups] = await Promise.all([
    prisma().webhook.findMany({ where: { orgId }, select: WEBHOOK_PUBLIC_FIELDS, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma().webhookDelivery.groupBy({ by: ["webhookId", "status"], where: { orgId }, _count: { _all: true }, _max: { lastAttemptAt: true } }),
  ]);
  const stats = new Map<string, DeliveryStats>();
  for (const g of groups) {
    const s = stats.get(g.webhookId) ?? { pending: 0, failed: 0, lastAttemptAt: null };
    if (g.status === "pending") s.pending += g._count._all;
    if (g.status === "failed") s.failed += g._count._all;
    const last = g._max.lastAttemptAt;
    if (last && (!s.lastAttemptAt || last > s.lastAttemptAt)) s.lastAttemptAt = last;
    stats.set(g.webhookId, s);
  }
  return webhooks.map((w) => toWebhookDto(w, stats.get(w.id)));
}
