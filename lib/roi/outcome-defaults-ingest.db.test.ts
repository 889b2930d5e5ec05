// With the proposed ingest change: outcomes sent without valueUsd take the kind's default × count.
import { describe, expect, it } from "vitest";
import { pool } from "@/lib/db";
import { ingestOutcomes } from "@/lib/ingest/ingest-outcomes";
import { CreateOutcomeKindBody, GetRoiQuery } from "@/lib/schemas/roi";
import { makeOrg } from "@/tests/factories";
import { createOutcomeKind } from "./create-outcome-kind";
import { getRoi } from "./get-roi";
import { updateOutcomeKind } from "./update-outcome-kind";

describe("ingest with kind defaults", () => {
  it("stores default × count when valueUsd is absent, keeps a sent value, rejects a kind without default", async () => {
    const { org } = await makeOrg();
    await createOutcomeKind({ orgId: org.id, actorUserId: null, body: CreateOutcomeKindBody.parse({ kind: "ticket_resolved", name: "Ticket", defaultValueUsd: "4.25" }) });
    const now = new Date("2026-11-20T00:00:00Z");
    const o = (x: Record<string, unknown>) => ({ timestamp: "2026-11-02T10:00:00Z", team: "alpha", feature: "support", kind: "ticket_resolved", ...x });
    const res = await ingestOutcomes({
      principal: { orgId: org.id, keyId: "k", scopes: ["ingest"], teamId: null },
      body: Buffer.from(JSON.stringify({ outcomes: [o({ id: "a", count: 3 }), o({ id: "b", valueUsd: "1" }), o({ id: "c", kind: "lead" })] })),
      now,
    });
    expect(res).toEqual({ accepted: 2, duplicates: 0, rejected: [{ index: 2, id: "c", errors: [{ path: "valueUsd", message: "is required: outcome kind 'lead' has no default value (Settings → Outcomes)" }] }] });
    const { rows } = await pool().query("SELECT outcome_id, value_usd::text AS v, count FROM outcomes WHERE org_id = $1 ORDER BY 1", [org.id]);
    expect(rows).toEqual([{ outcome_id: "a", v: "12.750000000", count: 3 }, { outcome_id: "b", v: "1.000000000", count: 1 }]);
    // a later default does not revalue stored outcomes
    await updateOutcomeKind({ orgId: org.id, kind: "ticket_resolved", actorUserId: null, body: { defaultValueUsd: "100" } });
    const roi = await getRoi({ orgId: org.id, teamIds: null, query: GetRoiQuery.parse({ from: "2026-11-02T00:00:00Z", to: "2026-11-03T00:00:00Z" }) });
    expect(roi.totals).toMatchObject({ valueUsd: "13.750000000", outcomes: 4 });
  });
});
