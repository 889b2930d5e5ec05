// Shadow AI: spend no budget covers, spend of teams nobody has reviewed
// (created on the fly by ingest), and API keys that spend without an owner.
// Coverage is decided per (team, feature, model): an organisation budget
// covers everything; team, feature and model budgets cover their own.
// API-key budgets are not counted (the daily rollups carry no key).
import { formatUsd } from "@/lib/money";
import { type DayCell, type Insight, perMonth, ceilDollars, usd, type Window, windowDays } from "./types";

export const UNBUDGETED = { minMonthly: 1_000_000_000n };

export type ActiveBudget = { scope: "org" | "team" | "feature" | "model" | "apiKey"; value: string | null };
export type OwnerlessKey = { id: string; name: string; prefix: string; cost: bigint };

export type UnbudgetedInput = {
  cells: readonly DayCell[];
  window: Window;
  budgets: readonly ActiveBudget[];
  teams: ReadonlyArray<{ slug: string; name: string; unreviewed: boolean }>;
  /** Keys bound to no team whose creator is gone, with their spend in `keyWindow`. */
  ownerlessKeys: readonly OwnerlessKey[];
  keyWindow: Window;
};

export function detectUnbudgeted(input: UnbudgetedInput): Insight[] {
  const days = windowDays(input.window);
  const covers = (scope: ActiveBudget["scope"]) => new Set(input.budgets.filter((b) => b.scope === scope).map((b) => b.value));
  const orgWide = input.budgets.some((b) => b.scope === "org");
  const [teams, features, models] = [covers("team"), covers("feature"), covers("model")];
  const spend = new Map<string, { total: bigint; uncovered: bigint }>();
  for (const c of input.cells) {
    const s = spend.get(c.team) ?? { total: 0n, uncovered: 0n };
    spend.set(c.team, s);
    s.total += c.cost;
    if (!orgWide && !teams.has(c.team) && !features.has(c.feature) && !models.has(c.model)) s.uncovered += c.cost;
  }

  const out: Insight[] = [];
  for (const team of input.teams) {
    const s = spend.get(team.slug);
    if (!s) continue;
    const monthly = perMonth(s.total, days);
    if (team.unreviewed && monthly >= UNBUDGETED.minMonthly) {
      out.push({
        id: `unbudgeted:unreviewed:${team.slug}`,
        kind: "unbudgeted",
        team: team.slug,
        title: `Unreviewed team ${team.name} is spending`,
        message: `Team ${team.name} was created by ingest and nobody has reviewed it yet; it spends about ${usd(monthly)} a month. Confirm who owns it, then mark it reviewed.`,
        atStake: monthly,
        evidence: { reason: "unreviewed_team", monthlySpendUsd: formatUsd(monthly) },
        action: { type: "mark_team_reviewed", label: `Mark ${team.name} reviewed`, team: team.slug },
      });
    }
    const uncovered = perMonth(s.uncovered, days);
    if (uncovered < UNBUDGETED.minMonthly) continue;
    const limit = ceilDollars((uncovered * 6n) / 5n);
    out.push({
      id: `unbudgeted:${team.slug}`,
      kind: "unbudgeted",
      team: team.slug,
      title: `No budget covers ${team.name}`,
      message: `${usd(uncovered)} a month of ${team.name}'s spend falls under no budget: nothing warns or stops it if it grows.`,
      atStake: uncovered,
      evidence: { reason: "no_budget", uncoveredMonthlyUsd: formatUsd(uncovered), monthlySpendUsd: formatUsd(monthly) },
      action: {
        type: "create_budget",
        label: `Create a monthly budget of ${usd(limit)} for ${team.name}`,
        budget: {
          name: `${team.name} monthly`,
          scope: { type: "team", value: team.slug },
          period: "month",
          limitUsd: formatUsd(limit),
          mode: "soft",
          action: "warn",
        },
      },
    });
  }

  const keyDays = windowDays(input.keyWindow);
  const keys = input.ownerlessKeys.filter((k) => k.cost > 0n).sort((a, b) => (b.cost > a.cost ? 1 : -1));
  const keysMonthly = perMonth(keys.reduce((sum, k) => sum + k.cost, 0n), keyDays);
  if (keys.length > 0 && keysMonthly >= UNBUDGETED.minMonthly) {
    out.push({
      id: `unbudgeted:ownerless-keys:${keys.map((k) => k.id).join(",")}`,
      kind: "unbudgeted",
      team: null,
      title: `${keys.length === 1 ? "An API key" : `${keys.length} API keys`} without an owner`,
      message: `${keys.map((k) => `'${k.name}' (${k.prefix}…)`).join(", ")} ${keys.length === 1 ? "is" : "are"} bound to no team and ${keys.length === 1 ? "its creator has" : "their creators have"} left: about ${usd(keysMonthly)} a month nobody answers for. Bind ${keys.length === 1 ? "it" : "them"} to a team or revoke ${keys.length === 1 ? "it" : "them"}.`,
      atStake: keysMonthly,
      evidence: { reason: "ownerless_key", keys: keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, monthlySpendUsd: formatUsd(perMonth(k.cost, keyDays)) })) },
    });
  }
  return out;
}
