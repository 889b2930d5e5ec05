// Field shapes shared by the wire schemas (zod only).
import { z } from "zod";
import { formatUsd, parseUsd } from "@/lib/money";

/**
 * A schema with zod's ahead-of-time compiled fast path (z.compile), for the
 * ones every machine request parses: a valid value takes the generated code
 * (a bench batch validates in a sixth of the time), an invalid one the
 * ordinary parser, so the errors are the same. Strict: a schema zod cannot
 * compile fails at import (in every test) rather than silently losing its
 * speed. Compile the final schema: one derived from it (.extend, .refine) is
 * not compiled.
 */
export function compiled<S extends z.ZodType>(schema: S): S {
  return z.compile(schema, { strict: true }) as S;
}

/**
 * Non-negative dollars as a decimal string or number, at most 9 places and
 * at most `maxUsd`; canonical 9-place string out. The bound keeps each
 * amount within Decimal(20,9), and their sums well within the Decimal(38,9)
 * of rollups and ledgers.
 */
export function usdAmount(maxUsd: number) {
  const max = parseUsd(maxUsd);
  return z.union([z.string(), z.number()], { error: "must be a decimal string or number" }).transform((value, ctx) => {
    let nanos: bigint | null = null;
    try {
      nanos = parseUsd(value);
    } catch {
      // reported below
    }
    if (nanos !== null && nanos >= 0n && nanos <= max) return formatUsd(nanos);
    const message = nanos !== null && nanos > max ? `must be at most ${maxUsd}` : "must be a non-negative decimal with at most 9 decimal places";
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/** Amounts of budgets and limits: up to a billion dollars. */
export const UsdAmount = usdAmount(1_000_000_000);

/** Amounts of one event or outcome: up to a million dollars. */
export const ItemUsdAmount = usdAmount(1_000_000);

/** Lower-case identifiers of teams and features. */
export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "must be 1-64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit");

export const TokenCount = z
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must not be negative")
  .max(2_147_483_647, "must be at most 2147483647");

const EARLIEST_INSTANT = "1970-01-01T00:00:00Z";
const EARLIEST_MS = Date.parse(EARLIEST_INSTANT);

/**
 * An ISO-8601 instant no earlier than 1970: the format alone admits year 0,
 * which PostgreSQL refuses, and one such value would fail the whole shared
 * commit it lands in. Nothing the product counts happened before 1970.
 */
export const Timestamp = z.iso
  .datetime({ offset: true, error: "must be an ISO-8601 date-time such as 2026-11-28T10:00:00Z" })
  // a value that is not a date-time at all is reported once, by the format check
  .refine((value) => !(Date.parse(value) < EARLIEST_MS), `must not be before ${EARLIEST_INSTANT}`);

export const Metadata = z
  .record(z.string().max(64, "keys must be at most 64 characters"), z.string().max(1024, "values must be strings of at most 1024 characters"))
  .refine((m) => Object.keys(m).length <= 50, "must have at most 50 keys");
