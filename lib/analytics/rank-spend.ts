// Top keys and movers of one dimension (pure, exact). `current` and
// `previous` map a key to its spend in nano-dollars over the two periods.
// Top: the most expensive keys now. Movers: the largest absolute change,
// rises and falls alike, a key new or gone in either period included.
// Change % is null when there was no previous spend (growth from 0 is not a
// percentage).
import { formatUsd } from "@/lib/money";

export type RankedSpend = { key: string; costUsd: string; previousUsd: string; changeUsd: string; changePct: number | null };

export function rankSpend(input: { current: ReadonlyMap<string, bigint>; previous: ReadonlyMap<string, bigint>; limit: number }): {
  top: RankedSpend[];
  movers: RankedSpend[];
} {
  const keys = new Set([...input.current.keys(), ...input.previous.keys()]);
  const rows = [...keys].map((key) => {
    const now = input.current.get(key) ?? 0n;
    const before = input.previous.get(key) ?? 0n;
    return { key, now, before, change: now - before };
  });
  const abs = (n: bigint) => (n < 0n ? -n : n);
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const order = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);
  const toRow = (r: (typeof rows)[number]): RankedSpend => ({
    key: r.key,
    costUsd: formatUsd(r.now),
    previousUsd: formatUsd(r.before),
    changeUsd: formatUsd(r.change),
    changePct: r.before === 0n ? null : Number((r.change * 10_000n) / r.before) / 100,
  });
  const top = rows
    .filter((r) => r.now > 0n)
    .sort((a, b) => order(a.now, b.now) || byKey(a, b))
    .slice(0, input.limit);
  const movers = rows
    .filter((r) => r.change !== 0n)
    .sort((a, b) => order(abs(a.change), abs(b.change)) || byKey(a, b))
    .slice(0, input.limit);
  return { top: top.map(toRow), movers: movers.map(toRow) };
}
