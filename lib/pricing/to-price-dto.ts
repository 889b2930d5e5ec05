import type { CatalogPriceDto, PriceOverrideDto } from "@/lib/schemas/prices";

/** Prisma's Decimal, as far as the wire needs it. */
type Decimal = { toFixed(places: number): string };

type PriceColumns = {
  id: string;
  provider: string;
  model: string;
  effectiveFrom: Date;
  inputPerMTok: Decimal;
  outputPerMTok: Decimal;
  cachedInputPerMTok: Decimal | null;
  cacheWritePerMTok: Decimal | null;
  reasoningPerMTok: Decimal | null;
};

// Decimal(20,9) as its exact 9-place string, the form of UsdAmount.
const usd = (value: Decimal) => value.toFixed(9);
const usdOrNull = (value: Decimal | null) => (value === null ? null : usd(value));

export function toCatalogPriceDto(row: PriceColumns): CatalogPriceDto {
  return {
    id: row.id,
    provider: row.provider,
    model: row.model,
    effectiveFrom: row.effectiveFrom.toISOString(),
    inputPerMTok: usd(row.inputPerMTok),
    outputPerMTok: usd(row.outputPerMTok),
    cachedInputPerMTok: usdOrNull(row.cachedInputPerMTok),
    cacheWritePerMTok: usdOrNull(row.cacheWritePerMTok),
    reasoningPerMTok: usdOrNull(row.reasoningPerMTok),
  };
}

export function toPriceOverrideDto(row: PriceColumns & { createdAt: Date }): PriceOverrideDto {
  return { ...toCatalogPriceDto(row), createdAt: row.createdAt.toISOString() };
}
