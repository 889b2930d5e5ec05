import { describe, expect, it } from "vitest";
import { diffAudit } from "./diff-audit";

const budget = {
  id: "b1",
  name: "search monthly",
  scope: { type: "team", value: "search" },
  limitUsd: "500.000000000",
  alertThresholds: [0.5, 0.8, 1],
  archived: false,
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
};

describe("diffAudit", () => {
  it("a creation lists every field as added, bookkeeping left out", () => {
    expect(diffAudit(null, budget)).toEqual([
      { field: "name", before: null, after: "search monthly" },
      { field: "scope.type", before: null, after: "team" },
      { field: "scope.value", before: null, after: "search" },
      { field: "limitUsd", before: null, after: "500.000000000" },
      { field: "alertThresholds", before: null, after: "[0.5,0.8,1]" },
      { field: "archived", before: null, after: "false" },
    ]);
  });

  it("an update lists only what changed, nested fields by path", () => {
    const after = { ...budget, limitUsd: "750.000000000", scope: { type: "team", value: "growth" }, updatedAt: "2026-11-02T00:00:00.000Z" };
    expect(diffAudit(budget, after)).toEqual([
      { field: "scope.value", before: "search", after: "growth" },
      { field: "limitUsd", before: "500.000000000", after: "750.000000000" },
    ]);
  });

  it("a field that appears or disappears is null on the other side", () => {
    expect(diffAudit({ ...budget, agentGuard: { maxSteps: 40 } }, { ...budget, downgradeTo: "gpt-4o-mini" })).toEqual([
      { field: "agentGuard.maxSteps", before: "40", after: null },
      { field: "downgradeTo", before: null, after: "gpt-4o-mini" },
    ]);
  });

  it("a deletion lists what was removed; lists compare as a whole", () => {
    expect(diffAudit({ scopes: ["ingest"] }, { scopes: ["ingest", "policy"] })).toEqual([{ field: "scopes", before: '["ingest"]', after: '["ingest","policy"]' }]);
    expect(diffAudit({ model: "gpt-4o" }, undefined)).toEqual([{ field: "model", before: "gpt-4o", after: null }]);
  });
});
