// What every reading endpoint's query shares: empty parameters count as
// absent, instants are ISO-8601, and a range [from, to) defaults to the N
// days before `to` (now by default) and is checked against a maximum span.
import { z } from "zod";
import { Timestamp } from "./common";

const DAY_MS = 86_400_000;

/** An empty query parameter (`?team=`) counts as absent. */
export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

export const Instant = Timestamp.pipe(z.coerce.date());

/** The range parameters, both optional. */
export const RangeParams = { from: optionalParam(Instant), to: optionalParam(Instant) };

/** A transform filling an absent range: the `days` days before `to`, which defaults to now. */
export function defaultRange(days: number) {
  return <T extends { from?: Date; to?: Date }>({ from, to, ...rest }: T) => {
    const end = to ?? new Date();
    return { ...rest, from: from ?? new Date(end.getTime() - days * DAY_MS), to: end };
  };
}

/**
 * Adds the issue of a range that is empty or longer than `maxDays`; returns
 * its length in days when it is fine, else null.
 */
export function checkRange(q: { from: Date; to: Date }, ctx: z.RefinementCtx, maxDays: number): number | null {
  const days = (q.to.getTime() - q.from.getTime()) / DAY_MS;
  if (days <= 0) {
    ctx.addIssue({ code: "custom", path: ["from"], message: "must be before to" });
    return null;
  }
  if (days > maxDays) {
    ctx.addIssue({ code: "custom", path: ["to"], message: `the range may span at most ${maxDays} days (asked for ${Math.ceil(days)})` });
    return null;
  }
  return days;
}
