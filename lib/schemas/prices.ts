// Wire shapes of Settings → Prices (zod only; safe to import from client code).
// Prices are dollars per million tokens, as canonical 9-place decimal strings.
import { z } from "zod";
import { parseUsd } from "@/lib/money";
import { Timestamp, UsdAmount } from "./common";

// Objects
const MAX_PRICE_NANOS = parseUsd("1000000");

/** Dollars per million tokens: non-negative, at most 9 places, at most $1,000,000. */
export const PricePerMTok = z
  .union([z.string().trim().min(1, "is required"), z.number()], {
    error: (issue) => (issue.input === undefined ? "is required" : "must be a decimal string or number"),
  })
  .pipe(UsdAmount)
  .refine((value) => parseUsd(value) <= MAX_PRICE_NANOS, "must be at most 1000000 dollars per million tokens");

const OptionalPrice = z.preprocess((value) => (value === "" ? null : value), PricePerMTok.nullish()).transform((value) => value ?? null);

const Provider = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(64, "must be at most 64 characters");

const Model = z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters");

const Prices = {
  inputPerMTok: z.string(),
  outputPerMTok: z.string(),
  cachedInputPerMTok: z.string().nullable(),
  cacheWritePerMTok: z.string().nullable(),
  reasoningPerMTok: z.string().nullable(),
};

export const PriceOverrideDto = z
  .object({ id: z.string(), provider: z.string(), model: z.string(), effectiveFrom: z.string(), ...Prices, createdAt: z.string() })
  .strict();
export type PriceOverrideDto = z.infer<typeof PriceOverrideDto>;

export const CatalogPriceDto = z
  .object({ id: z.string(), provider: z.string(), model: z.string(), effectiveFrom: z.string(), ...Prices })
  .strict();
export type CatalogPriceDto = z.infer<typeof CatalogPriceDto>;

/** Events stored without a price, per (provider, model) as the events named them. */
export const UnpricedModelDto = z
  .object({ provider: z.string(), model: z.string(), events: z.number().int(), firstSeen: z.string(), lastSeen: z.string() })
  .strict();
export type UnpricedModelDto = z.infer<typeof UnpricedModelDto>;

// Endpoints
export const CATALOG_PAGE_SIZE = 25;

export const ListCatalogPricesQuery = z.object({
  q: z.string().trim().max(200, "must be at most 200 characters").default(""),
  provider: z
    .string()
    .trim()
    .toLowerCase()
    .max(64)
    .optional()
    .transform((value) => value || null),
  page: z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be at least 1").max(10_000).default(1),
});
export type ListCatalogPricesQuery = z.infer<typeof ListCatalogPricesQuery>;

export const ListCatalogPricesResponse = z
  .object({
    prices: z.array(CatalogPriceDto),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    /** Every provider of the catalog, for the filter. */
    providers: z.array(z.string()),
  })
  .strict();
export type ListCatalogPricesResponse = z.infer<typeof ListCatalogPricesResponse>;

export const ListPriceOverridesResponse = z.object({ overrides: z.array(PriceOverrideDto) }).strict();
export type ListPriceOverridesResponse = z.infer<typeof ListPriceOverridesResponse>;

export const CreatePriceOverrideBody = z
  .object({
    provider: Provider,
    model: Model,
    effectiveFrom: Timestamp,
    inputPerMTok: PricePerMTok,
    outputPerMTok: PricePerMTok,
    cachedInputPerMTok: OptionalPrice,
    cacheWritePerMTok: OptionalPrice,
    reasoningPerMTok: OptionalPrice,
  })
  .strict();
export type CreatePriceOverrideBody = z.infer<typeof CreatePriceOverrideBody>;
export type CreatePriceOverrideInput = z.input<typeof CreatePriceOverrideBody>;

/**
 * `repricedEvents`: unpriced events of the organisation priced by this
 * request. `repricingComplete` is false when more remained than one request
 * re-prices synchronously; the rest continues after the answer.
 */
export const CreatePriceOverrideResponse = z
  .object({ override: PriceOverrideDto, repricedEvents: z.number().int(), repricingComplete: z.boolean() })
  .strict();
export type CreatePriceOverrideResponse = z.infer<typeof CreatePriceOverrideResponse>;

export const DeletePriceOverrideResponse = z.object({ override: PriceOverrideDto }).strict();
export type DeletePriceOverrideResponse = z.infer<typeof DeletePriceOverrideResponse>;

/** The most frequent unpriced models first, at most UNPRICED_MODELS_LIMIT. */
export const UNPRICED_MODELS_LIMIT = 100;

export const ListUnpricedModelsResponse = z.object({ models: z.array(UnpricedModelDto) }).strict();
export type ListUnpricedModelsResponse = z.infer<typeof ListUnpricedModelsResponse>;
