"use client";

import { SpendTable } from "@/components/explore/spend-table";
import type { SpendTableRow } from "@/lib/charts/prepare-spend-series";
import { type EntityDimension, entityHref } from "./entity-href";

/** A spend table whose keys (teams, models or features) link to their pages. */
export function EntityBreakdownTable({ rows, caption, dimension }: { rows: SpendTableRow[]; caption: string; dimension: EntityDimension }) {
  return <SpendTable rows={rows} caption={caption} drillHref={(key) => entityHref(dimension, key)} />;
}
