import { describe, expect, it } from "vitest";
import { detectUnbudgeted, type UnbudgetedInput } from "./detect-unbudgeted";
import { CLEAN_FEATURES, makeCells, windowOf } from "./synthetic-usage.test-helpers";

const window = windowOf(30);
const cells = makeCells(CLEAN_FEATURES, 30);
const teams = [...new Set(CLEAN_FEATURES.map((f) => f.team))].map((slug) => ({ slug, name: slug, unreviewed: false }));
const covered: UnbudgetedInput = { cells, window, budgets: [{ scope: "org", value: null }], teams, ownerlessKeys: [], keyWindow: window };

describe("detectUnbudgeted", () => {
  it("flags nothing when an organisation budget covers everything and every team is reviewed", () => {
    expect(detectUnbudgeted(covered)).toEqual([]);
  });

  it("finds the team whose spend no team, feature or model budget covers", () => {
    const budgets = [...new Set(CLEAN_FEATURES.map((f) => f.team))].filter((t) => t !== "legal").map((value) => ({ scope: "team" as const, value }));
    const found = detectUnbudgeted({ ...covered, budgets });
    expect(found.map((i) => i.id)).toEqual(["unbudgeted:legal"]);
    expect(found[0].action).toMatchObject({ type: "create_budget", budget: { scope: { type: "team", value: "legal" }, period: "month", mode: "soft", action: "warn" } });
    // contract-review on opus: 30 calls × (40,000 × $15 + 1,500 × $75) / 1M ≈ $21 a day
    expect(Number(found[0].atStake) / 1e9).toBeGreaterThan(560);

    const byFeature = detectUnbudgeted({ ...covered, budgets: [...budgets, { scope: "feature", value: "contract-review" }] });
    expect(byFeature).toEqual([]);
  });

  it("finds spending unreviewed teams and offers to mark them reviewed", () => {
    const found = detectUnbudgeted({ ...covered, teams: teams.map((t) => ({ ...t, unreviewed: t.slug === "growth" })) });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: "unbudgeted:unreviewed:growth", evidence: { reason: "unreviewed_team" }, action: { type: "mark_team_reviewed", team: "growth" } });
  });

  it("lists spending keys without an owner, most expensive first", () => {
    const ownerlessKeys = [
      { id: "k1", name: "old batch job", prefix: "fo_live_ab", cost: 12_000_000_000n },
      { id: "k2", name: "hackathon", prefix: "fo_live_cd", cost: 40_000_000_000n },
      { id: "k3", name: "idle", prefix: "fo_live_ef", cost: 0n },
    ];
    const found = detectUnbudgeted({ ...covered, ownerlessKeys });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ team: null, evidence: { reason: "ownerless_key" } });
    expect((found[0].evidence.keys as Array<{ id: string }>).map((k) => k.id)).toEqual(["k2", "k1"]);
  });
});
