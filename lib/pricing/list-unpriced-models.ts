import { prisma } from "@/lib/db";
import { UNPRICED_MODELS_LIMIT, type UnpricedModelDto } from "@/lib/schemas/prices";

/**
 * The (provider, model) pairs of the organisation's events stored without a
 * price, most events first. Scans the organisation's events: fine at demo
 * scale; a partial index on usage_events (org_id, provider, model, ts) WHERE
 * unpriced makes it cheap at any scale.
 */
export async function listUnpricedModels({ orgId }: { orgId: string }): Promise<UnpricedModelDto[]> {
  const groups = await prisma().usageEvent.groupBy({
    by: ["provider", "model"],
    where: { orgId, unpriced: true },
    _count: { _all: true },
    _min: { ts: true },
    _max: { ts: true },
    orderBy: [{ _count: { eventId: "desc" } }, { provider: "asc" }, { model: "asc" }],
    take: UNPRICED_MODELS_LIMIT,
  });
  return groups.map((g) => ({
    provider: g.provider,
    model: g.model,
    events: g._count._all,
    firstSeen: g._min.ts!.toISOString(),
    lastSeen: g._max.ts!.toISOString(),
  }));
}
