import Link from "next/link";
import { formatCount, formatMoney } from "@/lib/format";

/**
 * Unpriced calls (cost unknown, not zero) and the spend of unreviewed
 * (shadow) teams, called out when present. Only finance and admins can set
 * prices, so only they get the link to Settings → Prices.
 */
export function SpendCallouts({ unpricedEvents, unreviewedUsd, canFix }: { unpricedEvents: number; unreviewedUsd: string; canFix: boolean }) {
  const shadow = !/^0(\.0*)?$/.test(unreviewedUsd);
  if (unpricedEvents === 0 && !shadow) return null;
  return (
    <section className="overview-callouts" aria-label="Needs attention">
      {unpricedEvents > 0 && (
        <div className="card overview-callout" role="status" data-testid="unpriced-callout">
          <strong>{formatCount(unpricedEvents)} unpriced calls this month.</strong> Their models have no price in the catalog, so
          their cost is unknown and not in the totals above.{" "}
          {canFix ? <Link href="/settings/prices">Add prices in Settings → Prices</Link> : "Ask finance to add their prices."}
        </div>
      )}
      {shadow && (
        <div className="card overview-callout" role="status" data-testid="unreviewed-callout">
          <strong>{formatMoney(unreviewedUsd)} of shadow spend this month</strong> from teams created by ingest and not yet
          reviewed. <Link href="/explore?groupBy=team">See spend by team in Explore</Link>
        </div>
      )}
    </section>
  );
}
