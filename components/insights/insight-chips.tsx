import Link from "next/link";
import type { InsightDto } from "@/lib/schemas/insights";
import { exploreHref, type InsightRangeDays, traceEventsHref } from "./insights-params";

/** Team, feature and model of an insight, each opening Explore over the same range, filtered to it. */
export function InsightChips({ insight, days }: { insight: InsightDto; days: InsightRangeDays }) {
  const team = insight.team ? { team: insight.team } : {};
  const feature = insight.feature ? { feature: insight.feature } : {};
  const chips: { label: string; value: string; href: string }[] = [];
  if (insight.team) chips.push({ label: "Team", value: insight.team, href: exploreHref(days, team) });
  if (insight.feature) chips.push({ label: "Feature", value: insight.feature, href: exploreHref(days, { ...team, ...feature }) });
  if (insight.model) chips.push({ label: "Model", value: insight.model, href: exploreHref(days, { ...team, ...feature, model: insight.model }) });
  if (chips.length === 0 && !insight.traceId) return null;
  return (
    <ul className="insight-chips" aria-label="Open in Explore">
      {chips.map((c) => (
        <li key={c.label}>
          <Link className="insight-chip" href={c.href} aria-label={`${c.label} ${c.value}: open in Explore`}>
            <span className="muted">{c.label}</span> {c.value}
          </Link>
        </li>
      ))}
      {insight.traceId && (
        <li>
          <Link className="insight-chip" href={traceEventsHref(days, insight.traceId)} aria-label={`Trace ${insight.traceId}: open its events`}>
            <span className="muted">Trace</span> <span className="mono">{insight.traceId}</span>
          </Link>
        </li>
      )}
    </ul>
  );
}
