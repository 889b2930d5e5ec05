import { beforeAll, describe, expect, it } from "vitest";
import { pool, prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import {
  CreatePriceOverrideBody,
  CreatePriceOverrideResponse,
  DeletePriceOverrideResponse,
  ListCatalogPricesResponse,
  ListPriceOverridesResponse,
  ListUnpricedModelsResponse,
} from "@/lib/schemas/prices";
import { makeMember, makeOrg, makeUsageEvent } from "@/tests/factories";
import { createPriceOverride } from "./create-price-override";
import { deletePriceOverride } from "./delete-price-override";
import { listCatalogPrices } from "./list-catalog-prices";
import { listPriceOverrides } from "./list-price-overrides";
import { listUnpricedModels } from "./list-unpriced-models";
import { syncCatalog } from "./sync-catalog";

const BODY = CreatePriceOverrideBody.parse({
  provider: "openai",
  model: "gpt-4o",
  effectiveFrom: "2026-12-01T00:00:00Z",
  inputPerMTok: "2.125",
  outputPerMTok: "8.5",
  cachedInputPerMTok: "0.000000001",
});

async function setup() {
  const { org } = await makeOrg();
  const user = await makeMember(org.id, "finance");
  return { orgId: org.id, actorUserId: user.id };
}

async function auditOf(orgId: string) {
  return prisma().auditLog.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } });
}

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (err: unknown) => err);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

function ingest(orgId: string, events: Record<string, unknown>[]) {
  const principal = { orgId, keyId: "key-test", scopes: ["ingest" as const], teamId: null };
  return ingestEvents({ principal, body: Buffer.from(JSON.stringify({ events })), contentType: "application/json" });
}

beforeAll(async () => {
  await syncCatalog(pool());
});

describe("price overrides", () => {
  it("creates an override with exact prices, audits it and lists it", async () => {
    const { orgId, actorUserId } = await setup();
    const result = await createPriceOverride({ ...BODY, orgId, actorUserId });
    const expected = {
      provider: "openai",
      model: "gpt-4o",
      effectiveFrom: "2026-12-01T00:00:00.000Z",
      inputPerMTok: "2.125000000",
      outputPerMTok: "8.500000000",
      cachedInputPerMTok: "0.000000001",
      cacheWritePerMTok: null,
      reasoningPerMTok: null,
    };
    expect(result).toMatchObject({ override: expected, repricedEvents: 0, repricingComplete: true });
    expect(CreatePriceOverrideResponse.parse(result)).toEqual(result);
    expect(await listPriceOverrides({ orgId })).toEqual([result.override]);
    expect(ListPriceOverridesResponse.safeParse({ overrides: await listPriceOverrides({ orgId }) }).success).toBe(true);
    const [audit] = await auditOf(orgId);
    expect(audit).toMatchObject({ action: "price_override.create", entityType: "price_override", entityId: result.override.id, actorUserId, before: null });
    expect(audit.after).toEqual(result.override);
  });

  it("refuses a duplicate (organisation, provider, model, effectiveFrom) with 409, names compared case-insensitively", async () => {
    const { orgId, actorUserId } = await setup();
    await createPriceOverride({ ...BODY, orgId, actorUserId });
    const exact = await expectAppError(createPriceOverride({ ...BODY, orgId, actorUserId }), "conflict");
    expect(exact.status).toBe(409);
    expect(exact.details).toEqual([expect.objectContaining({ path: "effectiveFrom" })]);
    await expectAppError(createPriceOverride({ ...BODY, model: "GPT-4o", effectiveFrom: "2026-12-01T01:00:00+01:00", orgId, actorUserId }), "conflict");
    expect(await listPriceOverrides({ orgId })).toHaveLength(1);
    expect(await auditOf(orgId)).toHaveLength(1);
  });

  it("answers 409 to one of two concurrent identical creates", async () => {
    const { orgId, actorUserId } = await setup();
    const results = await Promise.allSettled([1, 2, 3].map(() => createPriceOverride({ ...BODY, orgId, actorUserId })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    expect(await auditOf(orgId)).toHaveLength(1);
  });

  it("allows the same model from another date, and the same key in another organisation", async () => {
    const { orgId, actorUserId } = await setup();
    const other = await setup();
    await createPriceOverride({ ...BODY, orgId, actorUserId });
    await createPriceOverride({ ...BODY, effectiveFrom: "2027-01-01T00:00:00Z", orgId, actorUserId });
    await createPriceOverride({ ...BODY, ...other });
    expect((await listPriceOverrides({ orgId })).map((o) => o.effectiveFrom)).toEqual(["2027-01-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]);
    expect(await listPriceOverrides({ orgId: other.orgId })).toHaveLength(1);
  });

  it("deletes an override with an audit entry; a second delete and another organisation's id are 404", async () => {
    const { orgId, actorUserId } = await setup();
    const other = await setup();
    const { override } = await createPriceOverride({ ...BODY, orgId, actorUserId });
    await expectAppError(deletePriceOverride({ ...other, id: override.id }), "not_found");
    const deleted = await deletePriceOverride({ orgId, actorUserId, id: override.id });
    expect(DeletePriceOverrideResponse.parse({ override: deleted })).toEqual({ override });
    expect(await listPriceOverrides({ orgId })).toEqual([]);
    const [, audit] = await auditOf(orgId);
    expect(audit).toMatchObject({ action: "price_override.delete", entityId: override.id, after: null });
    expect(audit.before).toEqual(override);
    await expectAppError(deletePriceOverride({ orgId, actorUserId, id: override.id }), "not_found");
  });

  it("is used by ingest at once after it is created, and no more once deleted", async () => {
    const { orgId, actorUserId } = await setup();
    const at = { timestamp: "2026-11-20T10:00:00Z" };
    await ingest(orgId, [makeUsageEvent({ id: "before", ...at })]); // caches the organisation's price book
    const { override } = await createPriceOverride({ ...BODY, effectiveFrom: "2026-11-01T00:00:00Z", orgId, actorUserId });
    await ingest(orgId, [makeUsageEvent({ id: "with", ...at })]);
    await deletePriceOverride({ orgId, actorUserId, id: override.id });
    await ingest(orgId, [makeUsageEvent({ id: "after", ...at })]);
    const { rows } = await pool().query("SELECT event_id, cost_usd::text AS cost, cost_source FROM usage_events WHERE org_id = $1 ORDER BY event_id", [orgId]);
    expect(rows).toEqual([
      // gpt-4o, 2000 input and 500 output tokens: catalog $2.50 and $10 per million
      { event_id: "after", cost: "0.010000000", cost_source: "catalog" },
      { event_id: "before", cost: "0.010000000", cost_source: "catalog" },
      // the override: 2000 × $2.125 + 500 × $8.50 per million
      { event_id: "with", cost: "0.008500000", cost_source: "override" },
    ]);
  });
});

describe("listCatalogPrices", () => {
  it("searches provider and model case-insensitively, filters by provider and pages", async () => {
    const all = await listCatalogPrices({ q: "", provider: null, page: 1 });
    expect(ListCatalogPricesResponse.parse(all)).toEqual(all);
    expect(all.prices).toHaveLength(all.pageSize);
    expect(all.providers).toEqual(expect.arrayContaining(["anthropic", "openai", "google"]));
    const sonnet = await listCatalogPrices({ q: "SONNET", provider: "anthropic", page: 1 });
    expect(sonnet.total).toBeGreaterThan(0);
    expect(sonnet.prices.every((p) => p.provider === "anthropic" && p.model.toLowerCase().includes("sonnet"))).toBe(true);
    const named = await listCatalogPrices({ q: "openai", provider: null, page: 1 });
    expect(named.prices.every((p) => `${p.provider} ${p.model}`.toLowerCase().includes("openai"))).toBe(true);
    // every row of the provider matches through the provider's name
    const openai = await listCatalogPrices({ q: "", provider: "openai", page: 1 });
    expect((await listCatalogPrices({ q: "OpenA", provider: "openai", page: 1 })).total).toBe(openai.total);

    const pages = Math.ceil(all.total / all.pageSize);
    const last = await listCatalogPrices({ q: "", provider: null, page: pages });
    expect(last.prices).toHaveLength(all.total - (pages - 1) * all.pageSize);
    expect((await listCatalogPrices({ q: "", provider: null, page: 2 })).prices[0].id).not.toBe(all.prices[0].id);
    expect((await listCatalogPrices({ q: "", provider: null, page: pages + 1 })).prices).toEqual([]);
  });

  it("answers exact 9-place prices, null where the catalog has no separate price", async () => {
    const { prices } = await listCatalogPrices({ q: "gpt-4o", provider: "openai", page: 1 });
    expect(prices.find((p) => p.model === "gpt-4o")).toMatchObject({ inputPerMTok: "2.500000000", outputPerMTok: "10.000000000", cachedInputPerMTok: "1.250000000" });
  });
});

describe("listUnpricedModels", () => {
  it("counts the organisation's unpriced events per provider and model, with first and last seen", async () => {
    const { orgId } = await setup();
    const other = await setup();
    await ingest(orgId, [
      makeUsageEvent({ provider: "acme", model: "rare-1", timestamp: "2026-11-03T08:00:00Z" }),
      makeUsageEvent({ provider: "acme", model: "rare-2", timestamp: "2026-11-01T08:00:00Z" }),
      makeUsageEvent({ provider: "acme", model: "rare-2", timestamp: "2026-11-05T08:00:00Z" }),
      makeUsageEvent({ model: "rare-2", provider: undefined, timestamp: "2026-11-02T08:00:00Z" }),
      makeUsageEvent(),
    ]);
    await ingest(other.orgId, [makeUsageEvent({ provider: "acme", model: "rare-1" })]);
    const models = await listUnpricedModels({ orgId });
    expect(ListUnpricedModelsResponse.parse({ models })).toEqual({ models });
    expect(models).toEqual([
      { provider: "acme", model: "rare-2", events: 2, firstSeen: "2026-11-01T08:00:00.000Z", lastSeen: "2026-11-05T08:00:00.000Z" },
      { provider: "acme", model: "rare-1", events: 1, firstSeen: "2026-11-03T08:00:00.000Z", lastSeen: "2026-11-03T08:00:00.000Z" },
      { provider: "unknown", model: "rare-2", events: 1, firstSeen: "2026-11-02T08:00:00.000Z", lastSeen: "2026-11-02T08:00:00.000Z" },
    ]);
  });
});
