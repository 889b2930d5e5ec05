import type { ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { EventInput, type IngestResponse } from "@/lib/schemas/events";
import type { EventRow } from "./event-row";
import { GroupCommit } from "./group-commit";
import { getOrgContext, invalidateOrgContext } from "./org-context";
import { parseEnvelope } from "./parse-envelope";
import { memoResolver, priceEvent } from "./price-event";
import { resolveEventTeams } from "./resolve-event-teams";
import { storeEvents, type NewTeams } from "./store-events";
import { reject, validateItems } from "./validate-items";

const FUTURE_LIMIT_MS = 5 * 60_000;

type Pending = { row: EventRow; newTeam: boolean };

async function flush(items: Pending[]): Promise<boolean[]> {
  const newTeams: NewTeams = new Map();
  for (const { row, newTeam } of items) {
    if (newTeam) newTeams.set(row.orgId, (newTeams.get(row.orgId) ?? new Set()).add(row.teamSlug));
  }
  const result = await storeEvents(items.map((i) => i.row), newTeams);
  for (const orgId of newTeams.keys()) invalidateOrgContext(orgId);
  return result;
}

const committer = new GroupCommit<Pending, boolean>(flush, {
  windowMs: Number(process.env.INGEST_GROUP_WINDOW_MS ?? 2),
  maxItems: Number(process.env.INGEST_GROUP_MAX_EVENTS ?? 5000),
  maxInFlight: Number(process.env.INGEST_GROUP_MAX_IN_FLIGHT ?? 3),
});

/** POST /api/v1/events: validate each event, price it, store the valid ones durably. */
export async function ingestEvents(input: { principal: ApiKeyPrincipal; body: Buffer; contentType?: string; now?: Date }): Promise<IngestResponse> {
  const now = input.now ?? new Date();
  const envelope = parseEnvelope(input.body, input.contentType, "events");
  const { valid, rejected } = validateItems(envelope, EventInput);
  const ctx = await getOrgContext(input.principal.orgId);
  const teams = await resolveEventTeams(ctx, input.principal, valid);
  rejected.push(...teams.rejected);
  const resolve = memoResolver(ctx.priceBook);
  const pending: Pending[] = [];
  for (const { index, value: e, teamSlug, newTeam } of teams.items) {
    const ts = e.timestamp ? new Date(e.timestamp) : now;
    if (ts.getTime() > now.getTime() + FUTURE_LIMIT_MS) {
      rejected.push(reject(index, e.id, "timestamp", "must not be more than 5 minutes in the future"));
      continue;
    }
    const usage = e.usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
    const cost = priceEvent({ provider: e.provider, model: e.model, at: ts, usage, costUsd: e.costUsd, cacheHit: e.cacheHit }, resolve);
    pending.push({
      newTeam,
      row: {
        orgId: ctx.orgId, eventId: e.id, ts, teamSlug, feature: e.feature, provider: e.provider, model: e.model,
        ...usage, ...cost, latencyMs: e.latencyMs ?? null, status: e.status, cacheHit: e.cacheHit,
        traceId: e.traceId ?? null, reservationId: e.reservationId ?? null, promptHash: e.promptHash ?? null,
        customerId: e.customerId ?? null, userId: e.userId ?? null, valueUsd: e.valueUsd ?? null,
        metadata: e.metadata ? JSON.stringify(e.metadata) : null, apiKeyId: input.principal.keyId,
      },
    });
  }
  const inserted = await committer.submit(pending);
  const accepted = inserted.filter(Boolean).length;
  return { accepted, duplicates: inserted.length - accepted, rejected: rejected.sort((a, b) => a.index - b.index) };
}
