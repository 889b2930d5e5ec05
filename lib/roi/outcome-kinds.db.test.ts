// Settings → Outcomes: naming kinds with default values (audited), listing
// kinds received without a name, and the defaults ingest reads.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ingestOutcomes } from "@/lib/ingest/ingest-outcomes";
import { parseUsd } from "@/lib/money";
import { CreateOutcomeKindBody, UpdateOutcomeKindBody } from "@/lib/schemas/roi";
import { makeMember, makeOrg } from "@/tests/factories";
import { createOutcomeKind } from "./create-outcome-kind";
import { deleteOutcomeKind } from "./delete-outcome-kind";
import { listOutcomeKinds } from "./list-outcome-kinds";
import { getOutcomeKindDefaults } from "./outcome-kind-defaults";
import { updateOutcomeKind } from "./update-outcome-kind";

async function setup() {
  const { org } = await makeOrg();
  const user = await makeMember(org.id, "finance");
  return { orgId: org.id, actorUserId: user.id };
}

describe("outcome kinds", () => {
  it("names a kind with a default value, audits it, and ingest sees the default", async () => {
    const { orgId, actorUserId } = await setup();
    const body = CreateOutcomeKindBody.parse({ kind: "Ticket_Resolved", name: "Ticket resolved", defaultValueUsd: 4.25 });
    const kind = await createOutcomeKind({ orgId, actorUserId, body });
    expect(kind).toMatchObject({ kind: "ticket_resolved", name: "Ticket resolved", description: null, defaultValueUsd: "4.250000000" });
    expect((await getOutcomeKindDefaults(orgId)).get("ticket_resolved")).toBe(parseUsd("4.25"));
    const audit = await prisma().auditLog.findMany({ where: { orgId } });
    expect(audit).toMatchObject([{ action: "outcome_kind.create", entityType: "outcome_kind", entityId: "ticket_resolved", actorUserId, after: kind }]);
    await expect(createOutcomeKind({ orgId, actorUserId, body })).rejects.toMatchObject({ code: "conflict" });
  });

  it("updates and deletes, audited, and the defaults follow at once", async () => {
    const { orgId, actorUserId } = await setup();
    await createOutcomeKind({ orgId, actorUserId, body: CreateOutcomeKindBody.parse({ kind: "lead", name: "Lead" }) });
    expect((await getOutcomeKindDefaults(orgId)).has("lead")).toBe(false);
    const updated = await updateOutcomeKind({ orgId, kind: "lead", actorUserId, body: UpdateOutcomeKindBody.parse({ defaultValueUsd: "25", description: "Qualified by sales" }) });
    expect(updated).toMatchObject({ name: "Lead", description: "Qualified by sales", defaultValueUsd: "25.000000000" });
    expect((await getOutcomeKindDefaults(orgId)).get("lead")).toBe(parseUsd("25"));
    const cleared = await updateOutcomeKind({ orgId, kind: "lead", actorUserId, body: UpdateOutcomeKindBody.parse({ defaultValueUsd: "" }) });
    expect(cleared.defaultValueUsd).toBeNull();
    expect((await getOutcomeKindDefaults(orgId)).has("lead")).toBe(false);
    await deleteOutcomeKind({ orgId, kind: "lead", actorUserId });
    expect((await listOutcomeKinds({ orgId })).kinds).toEqual([]);
    const actions = (await prisma().auditLog.findMany({ where: { orgId }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["outcome_kind.create", "outcome_kind.update", "outcome_kind.update", "outcome_kind.delete"]);
    await expect(updateOutcomeKind({ orgId, kind: "lead", actorUserId, body: { name: "x" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteOutcomeKind({ orgId, kind: "lead", actorUserId })).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists kinds received without a name, most outcomes first", async () => {
    const { orgId, actorUserId } = await setup();
    await createOutcomeKind({ orgId, actorUserId, body: CreateOutcomeKindBody.parse({ kind: "named", name: "Named" }) });
    const now = new Date();
    const outcomes = [
      { id: "a", kind: "named", valueUsd: "1" },
      { id: "b", kind: "rare", valueUsd: "1" },
      { id: "c", kind: "common", valueUsd: "1", count: 5 },
    ].map((o) => ({ ...o, team: "alpha", feature: "f", timestamp: now.toISOString() }));
    const res = await ingestOutcomes({ principal: { orgId, keyId: "k", scopes: ["ingest"], teamId: null }, body: Buffer.from(JSON.stringify({ outcomes })), now });
    expect(res.accepted).toBe(3);
    const list = await listOutcomeKinds({ orgId });
    expect(list.kinds.map((k) => k.kind)).toEqual(["named"]);
    expect(list.unconfigured).toEqual([
      { kind: "common", outcomes: 5, lastSeenAt: expect.any(String) },
      { kind: "rare", outcomes: 1, lastSeenAt: expect.any(String) },
    ]);
  });

  it("refuses bodies that are not kinds", () => {
    expect(CreateOutcomeKindBody.safeParse({ kind: "has space", name: "x" }).success).toBe(false);
    expect(CreateOutcomeKindBody.safeParse({ kind: "ok", name: "" }).success).toBe(false);
    expect(CreateOutcomeKindBody.safeParse({ kind: "ok", name: "x", defaultValueUsd: "-1" }).success).toBe(false);
    expect(UpdateOutcomeKindBody.safeParse({}).success).toBe(false);
  });
});
