"use client";

import { formatDateTime } from "@/lib/format";
import { useDeletePriceOverride, usePriceOverrides } from "@/lib/queries/prices";
import type { PriceOverrideDto } from "@/lib/schemas/prices";
import { EffectiveFrom, PriceCells, PriceHeaders } from "./price-cells";
import { ActionsHeader } from "@/components/ui/actions-header";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";

export function OverridesTable({ timeZone }: { timeZone: string }) {
  const overrides = usePriceOverrides();
  const remove = useDeletePriceOverride();

  if (overrides.isPending) return <LoadingBlock what="price overrides" />;
  if (overrides.isError) return <QueryError what="the price overrides" error={overrides.error} onRetry={() => overrides.refetch()} />;
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
      <div style={{ overflowX: "auto" }}>
        <table className="table" data-testid="price-overrides">
          <caption className="sr-only">Price overrides of your organisation, in US dollars per million tokens</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col">Effective from</th>
              <PriceHeaders />
              <th scope="col">Added</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.provider}</td>
                <td>
                  <code>{row.model}</code>
                </td>
                <td>
                  <EffectiveFrom iso={row.effectiveFrom} />
                </td>
                <PriceCells row={row} />
                <td>{formatDateTime(row.createdAt, timeZone)}</td>
                <td>
                  <button className="btn btn-danger" type="button" disabled={remove.isPending} onClick={() => confirmDelete(row)}>
                    Delete<span className="sr-only"> the override for {row.provider}/{row.model}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
