// Exact money: dollars as bigint nano-dollars (1e-9 USD), the precision of
// Decimal(20,9) in the database and of the decimal strings on the wire.
// Never add dollars as JavaScript floats (DESIGN.md 5).

export const NANOS_PER_USD = 1_000_000_000n;
const SCALE = 9;
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {}

/** Expands a JavaScript number to plain decimal notation (no exponent). */
function numberToPlain(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyFormatError("must be a finite number");
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * Parses a dollar amount (decimal string or number) into nano-dollars.
 * More than 9 decimal places is refused rather than silently rounded.
 */
export function parseUsd(value: string | number): bigint {
  const text = typeof value === "number" ? numberToPlain(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyFormatError("must be a decimal number such as 12.5");
  const [, sign, whole, fraction = ""] = match;
  const kept = BigInt(whole) * NANOS_PER_USD + BigInt(fraction.slice(0, SCALE).padEnd(SCALE, "0"));
  const extra = fraction.slice(SCALE);
  if (!/[1-9]/.test(extra)) return applySign(sign, kept);
  // A float such as 0.1 + 0.2 carries binary noise: round it to the nano.
  // A decimal string with real sub-nano precision is refused.
  if (typeof value === "string") throw new MoneyFormatError("must have at most 9 decimal places");
  return applySign(sign, extra[0] >= "5" ? kept + 1n : kept);
}

function applySign(sign: string | undefined, nanos: bigint): bigint {
  return sign ? -nanos : nanos;
}

/** Formats nano-dollars as a decimal string with exactly 9 places. */
export function formatUsd(nanos: bigint): string {
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const whole = abs / NANOS_PER_USD;
  const fraction = (abs % NANOS_PER_USD).toString().padStart(SCALE, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** Integer division rounding half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n + d / 2n) / d;
  return negative ? -q : q;
}

/**
 * Cost in nano-dollars of token buckets, each priced in nano-dollars per
 * million tokens. The products are summed exactly and rounded once.
 */
export function tokenCost(buckets: ReadonlyArray<readonly [tokens: number, nanosPerMTok: bigint]>): bigint {
  let total = 0n;
  for (const [tokens, price] of buckets) {
    if (tokens > 0) total += BigInt(tokens) * price;
  }
  return divRound(total, 1_000_000n);
}

export function sumUsd(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
