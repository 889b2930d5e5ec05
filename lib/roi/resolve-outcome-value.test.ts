import { describe, expect, it } from "vitest";
import { parseUsd } from "@/lib/money";
import { ItemUsdAmount } from "@/lib/schemas/common";
import { OutcomeInput } from "@/lib/schemas/events";
import { withKindDefaults } from "./resolve-outcome-value";

// The proposed OutcomeInput: valueUsd optional (see the report / README "ROI attribution").
const Proposed = OutcomeInput.extend({ valueUsd: ItemUsdAmount.optional() });
const schema = withKindDefaults(Proposed, new Map([["ticket_resolved", parseUsd("4.25")], ["pennies", parseUsd("0.000000001")], ["big", parseUsd("600000")]]));
const base = { id: "o1", team: "alpha", feature: "support", kind: "ticket_resolved" };

describe("withKindDefaults", () => {
  it("keeps a sent valueUsd, even when the kind has a default", () => {
    expect(schema.parse({ ...base, valueUsd: "1.5", count: 3 })).toMatchObject({ valueUsd: "1.500000000", count: 3 });
  });

  it("fills default × count exactly", () => {
    expect(schema.parse({ ...base, count: 3 }).valueUsd).toBe("12.750000000");
    expect(schema.parse({ ...base }).valueUsd).toBe("4.250000000");
    expect(schema.parse({ ...base, kind: "pennies", count: 7 }).valueUsd).toBe("0.000000007");
  });

  it("rejects, naming valueUsd, a kind without a default and a total past the bound", () => {
    const unknown = schema.safeParse({ ...base, kind: "lead" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["valueUsd", "is required: outcome kind 'lead' has no default value (Settings → Outcomes)"]]);
    const tooBig = schema.safeParse({ ...base, kind: "big", count: 2 });
    expect(tooBig.error?.issues[0]).toMatchObject({ path: ["valueUsd"], message: expect.stringContaining("must be at most 1000000") });
  });
});
