import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createBudget } from "@/lib/budgets/create-budget";
import { archiveBudget, updateBudget } from "@/lib/budgets/update-budget";
import type { Caller } from "@/lib/http/route";
import { CreateBudgetBody } from "@/lib/schemas/budgets";
import { ListAuditLogQuery, ListAuditLogResponse } from "@/lib/schemas/audit";
import { makeMember, makeOrg } from "@/tests/factories";
import { listAuditLog } from "./list-audit-log";

function userCaller(orgId: string, userId: string): Caller {
  const viewer = { userId, email: "", name: "", orgId, orgSlug: "", orgName: "", timeZone: "UTC", role: "finance" as const, teamIds: [] };
  return { orgId, teamIds: null, actorUserId: userId, actorApiKeyId: null, viewer, apiKey: null };
}

function keyCaller(orgId: string, keyId: string): Caller {
  return { orgId, teamIds: null, actorUserId: null, actorApiKeyId: keyId, viewer: null, apiKey: { orgId, keyId, scopes: ["admin"], teamId: null } };
}

const body = CreateBudgetBody.parse({ name: "search monthly", scope: { type: "team", value: "alpha" }, period: "month", limitUsd: "500" });
const page = (orgId: string, params: Record<string, string> = {}) => listAuditLog({ orgId, query: ListAuditLogQuery.parse(params) });

describe("listAuditLog", () => {
  it("newest first: who (email or key name), what, and the fields changed", async () => {
    const { org } = await makeOrg();
    const finance = await makeMember(org.id, "finance");
    const { apiKey } = await createApiKey({ orgId: org.id, name: "terraform", scopes: ["admin"], teamId: null, actorUserId: finance.id });
    const budget = await createBudget(userCaller(org.id, finance.id), body);
    await updateBudget(keyCaller(org.id, apiKey.id), budget.id, { limitUsd: "750.000000000" });

    const { entries, nextCursor } = await page(org.id);
    expect(ListAuditLogResponse.parse({ entries, nextCursor })).toBeTruthy();
    expect(nextCursor).toBeNull();
    expect(entries.map((e) => [e.action, e.actor.label])).toEqual([
      ["budget.update", "terraform"],
      ["budget.create", finance.email],
      ["api_key.create", finance.email],
    ]);
    expect(entries[0]).toMatchObject({ entityType: "budget", entityId: budget.id, entityName: "search monthly", actor: { type: "apiKey" } });
    expect(entries[0].changes).toEqual([{ field: "limitUsd", before: "500.000000000", after: "750.000000000" }]);
    expect(entries[1].changes).toContainEqual({ field: "scope.value", before: null, after: "alpha" });
  });

  it("pages with the cursor until the oldest entry, without repeats", async () => {
    const { org } = await makeOrg();
    const finance = await makeMember(org.id, "finance");
    const caller = userCaller(org.id, finance.id);
    const budget = await createBudget(caller, body);
    for (const limitUsd of ["600", "700", "800"]) await updateBudget(caller, budget.id, { limitUsd: `${limitUsd}.000000000` });
    await archiveBudget(caller, budget.id);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await page(org.id, { limit: "2", ...(cursor ? { cursor } : {}) });
      expect(result.entries.length).toBeLessThanOrEqual(2);
      seen.push(...result.entries.map((e) => e.action));
      cursor = result.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["budget.archive", "budget.update", "budget.update", "budget.update", "budget.create"]);
  });

  it("shows only the organisation's own entries and refuses a forged cursor", async () => {
    const a = await makeOrg();
    const b = await makeOrg();
    const finance = await makeMember(a.org.id, "finance");
    await createBudget(userCaller(a.org.id, finance.id), body);
    expect((await page(b.org.id)).entries).toEqual([]);
    await expect(page(a.org.id, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
