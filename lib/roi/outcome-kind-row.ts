// outcome_kinds rows as read by raw SQL (the table is proposed in
// outcome-kinds.migration.sql.txt; raw SQL keeps this code independent of the
// generated Prisma model), and their wire form.
import { Prisma as P } from "@/lib/generated/prisma/client";
import { formatUsd, parseUsd } from "@/lib/money";
import type { OutcomeKindDto } from "@/lib/schemas/roi";

export type OutcomeKindRow = {
  kind: string;
  name: string;
  description: string | null;
  /** numeric as text, or null */
  default_value_usd: string | null;
  created_at: Date;
  updated_at: Date;
};

/** The select list that yields an OutcomeKindRow. */
export const OUTCOME_KIND_COLUMNS = P.sql`kind, name, description, default_value_usd::text AS default_value_usd, created_at, updated_at`;

export function toOutcomeKindDto(row: OutcomeKindRow): OutcomeKindDto {
  return {
    kind: row.kind,
    name: row.name,
    description: row.description,
    defaultValueUsd: row.default_value_usd === null ? null : formatUsd(parseUsd(row.default_value_usd)),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
