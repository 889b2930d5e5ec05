// The value of an outcome sent without valueUsd (pure): default of its kind ×
// count, resolved once at ingest and stored, so ROI only ever reads stored
// values and a later change of a default does not revalue past outcomes.
import { z } from "zod";
import { formatUsd, parseUsd } from "@/lib/money";

/** The bound of one outcome's value (lib/schemas/common.ts ItemUsdAmount): each value fits Decimal(20,9), their sums the Decimal(38,9) of rollups. */
export const MAX_OUTCOME_VALUE_NANOS = parseUsd(1_000_000);

type Item = { kind: string; count: number; valueUsd?: string | undefined };

/**
 * The ingest item schema of outcomes with the organisation's defaults
 * applied: valueUsd as sent, else default × count; an outcome of a kind
 * without a default and without valueUsd is rejected naming valueUsd.
 */
export function withKindDefaults<S extends z.ZodType<Item>>(schema: S, defaults: ReadonlyMap<string, bigint>) {
  return schema.transform((item, ctx): z.output<S> & { valueUsd: string } => {
    if (item.valueUsd !== undefined) return { ...item, valueUsd: item.valueUsd };
    const perUnit = defaults.get(item.kind);
    if (perUnit === undefined) {
      ctx.addIssue({ code: "custom", path: ["valueUsd"], message: `is required: outcome kind '${item.kind}' has no default value (Settings → Outcomes)` });
      return z.NEVER;
    }
    const total = perUnit * BigInt(item.count);
    if (total > MAX_OUTCOME_VALUE_NANOS) {
      ctx.addIssue({
        code: "custom",
        path: ["valueUsd"],
        message: `must be at most 1000000: ${item.count} × the default ${formatUsd(perUnit)} of '${item.kind}' is ${formatUsd(total)}`,
      });
      return z.NEVER;
    }
    return { ...item, valueUsd: formatUsd(total) };
  });
}
