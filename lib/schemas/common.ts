// Field shapes shared by the wire schemas (zod only).
import { z } from "zod";
import { formatUsd, parseUsd } from "@/lib/money";

/** Non-negative dollars as a decimal string or number, at most 9 places; canonical 9-place string out. */
export const UsdAmount = z
  .union([z.string(), z.number()], { error: "must be a decimal string or number" })
  .transform((value, ctx) => {
    try {
      const nanos = parseUsd(value);
      if (nanos >= 0n) return formatUsd(nanos);
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "must be a non-negative decimal with at most 9 decimal places" });
    return z.NEVER;
  });

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

export const Timestamp = z.iso.datetime({ offset: true, error: "must be an ISO-8601 date-time such as 2026-11-28T10:00:00Z" });

export const Metadata = z
  .record(z.string().max(64, "keys must be at most 64 characters"), z.string().max(1024, "values must be strings of at most 1024 characters"))
  .refine((m) => Object.keys(m).length <= 50, "must have at most 50 keys");
