"use client";

import { formatCount, formatDateTime } from "@/lib/format";
import { useUnpricedModels } from "@/lib/queries/prices";
import type { UnpricedModelDto } from "@/lib/schemas/prices";
import { ActionsHeader } from "@/components/ui/actions-header";
import { QueryFallback } from "@/components/ui/query-error";
import { ScrollTable } from "@/components/ui/scroll-table";

export function UnpricedPanel({ timeZone, onAddPrice }: { timeZone: string; onAddPrice: (model: UnpricedModelDto) => void }) {
  const unpriced = useUnpricedModels();

  if (!unpriced.isSuccess) return <QueryFallback query={unpriced} loading="unpriced models" failed="the unpriced models" />;
  const rows = unpriced.data.models;
  if (rows.length === 0) {
    return <p className="empty">No unpriced events: every event so far matched a catalog price or one of your overrides.</p>;
  }
  return (
    <>
      <p>
        These events are stored with an <strong>unknown</strong> cost, not $0: spend and budgets leave them out until they have a price.
        Adding a price re-prices them.
      </p>
      <ScrollTable
        testId="unpriced-models"
        caption="Models of your events without a price, most events first"
        headers={
          <>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">Events</th>
            <th scope="col">First seen</th>
            <th scope="col">Last seen</th>
            <ActionsHeader />
          </>
        }
      >
        {rows.map((row) => (
          <tr key={`${row.provider}\u0000${row.model}`}>
            <td>{row.provider}</td>
            <td>
              <code>{row.model}</code>
            </td>
            <td className="num">{formatCount(row.events)}</td>
            <td>{formatDateTime(row.firstSeen, timeZone)}</td>
            <td>{formatDateTime(row.lastSeen, timeZone)}</td>
            <td>
              <button className="btn" type="button" onClick={() => onAddPrice(row)}>
                Add a price<span className="sr-only"> for {row.provider}/{row.model}</span>
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}
