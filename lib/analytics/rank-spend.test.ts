import { describe, expect, it } from "vitest";
import { rankSpend } from "./rank-spend";

const USD = 1_000_000_000n;
const map = (entries: [string, bigint][]) => new Map(entries);

describe("rankSpend", () => {
  const current = map([["a", 50n * USD], ["b", 30n * USD], ["c", 20n * USD], ["new", 5n * USD]]);
  const previous = map([["a", 40n * USD], ["b", 60n * USD], ["c", 20n * USD], ["gone", 12n * USD]]);

  it("ranks the top keys by current spend with their change", () => {
    const { top } = rankSpend({ current, previous, limit: 2 });
    expect(top).toEqual([
      { key: "a", costUsd: "50.000000000", previousUsd: "40.000000000", changeUsd: "10.000000000", changePct: 25 },
      { key: "b", costUsd: "30.000000000", previousUsd: "60.000000000", changeUsd: "-30.000000000", changePct: -50 },
    ]);
  });

  it("ranks movers by absolute change, new and gone keys included, unchanged left out", () => {
    const { movers } = rankSpend({ current, previous, limit: 5 });
    expect(movers.map((m) => [m.key, m.changeUsd, m.changePct])).toEqual([
      ["b", "-30.000000000", -50],
      ["gone", "-12.000000000", -100],
      ["a", "10.000000000", 25],
      ["new", "5.000000000", null],
    ]);
  });

  it("leaves keys without current spend out of the top", () => {
    expect(rankSpend({ current: map([]), previous, limit: 5 }).top).toEqual([]);
  });
});
