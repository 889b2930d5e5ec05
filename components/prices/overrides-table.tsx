"use client";

import { formatDateTime } from "@/lib/format";
import { useDeletePriceOverride, usePriceOverrides } from "@/lib/queries/prices";
import type { PriceOverrideDto } from "@/lib/schemas/prices";
import { PriceCells, PriceHeaders } from "./price-cells";
import { ActionsHeader } from "@/components/ui/actions-header";
import { QueryFallback } from "@/components/ui/query-error";
import { ScrollTable } from "@/components/ui/scroll-table";

export function OverridesTable({ timeZone }: { timeZone: string }) {
  const overrides = usePriceOverrides();
  const remove = useDeletePriceOverride();

  if (!overrides.isSuccess) return <QueryFallback query={overrides} loading="price overrides" failed="the price overrides" />;
  const rows = overrides.data.overrides;
  if (rows.length === 0) {
    return (
      <p className="empty">
        No overrides yet: every event is priced at the public catalog price. Add one for a negotiated discount or a model the catalog lacks.
      </p>
    );
  }

  function confirmDelete(row: PriceOverrideDto) {
    const what = `${row.provider}/${row.model} from ${row.effectiveFrom}`;
    if (window.confirm(`Delete the override for ${what}? New events will be priced without it; events it already priced keep their cost.`)) {
      remove.mutate(row.id);
    }
  }

  return (
    <>
      {remove.error && (
        <p className="error-text" role="alert">
          {remove.error.message}
        </p>
      )}
      <ScrollTable
        testId="price-overrides"
        caption="Price overrides of your organisation, in US dollars per million tokens"
        headers={
          <>
            <PriceHeaders />
            <th scope="col">Added</th>
            <ActionsHeader />
          </>
        }
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <PriceCells row={row} />
            <td>{formatDateTime(row.createdAt, timeZone)}</td>
            <td>
              <button className="btn btn-danger" type="button" disabled={remove.isPending} onClick={() => confirmDelete(row)}>
                Delete<span className="sr-only"> the override for {row.provider}/{row.model}</span>
              </button>
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}
