// How many calls fall in each hour of the period: an office-hours curve
// (UTC), quieter weekends and steady growth, scaled so the hours add up to
// exactly the requested number of calls.

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Weekend days run at about a third of a weekday. */
export const WEEKEND_FACTOR = 0.35;
/** +40 % over 90 days, the same slope for any period. */
const GROWTH_PER_DAY = 0.4 / 90;

// Relative load by UTC hour of day: night, morning ramp, lunch dip, evening.
const DIURNAL = [
  0.12, 0.1, 0.08, 0.08, 0.1, 0.15, 0.25, 0.45, 0.75, 0.95, 1.0, 1.0,
  0.85, 0.9, 1.0, 1.0, 0.95, 0.8, 0.6, 0.45, 0.35, 0.28, 0.2, 0.15,
];

export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

function hourWeight(slotStart: number, periodStart: number): number {
  const midpoint = slotStart + HOUR_MS / 2;
  const growth = 1 + (GROWTH_PER_DAY * (midpoint - periodStart)) / DAY_MS;
  const weekday = isWeekend(midpoint) ? WEEKEND_FACTOR : 1;
  return DIURNAL[new Date(midpoint).getUTCHours()] * weekday * growth;
}

/**
 * Splits `total` calls over one-hour slots ending at `endMs`: each slot gets
 * the floor of its share, and the remainder goes to the largest fractions
 * (ties to the earlier slot), so the sum is exact and deterministic.
 */
export function planHours(total: number, days: number, endMs: number): { startMs: number; quotas: Int32Array } {
  const slots = days * 24;
  const startMs = endMs - slots * HOUR_MS;
  const weights = Array.from({ length: slots }, (_, i) => hourWeight(startMs + i * HOUR_MS, startMs));
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = new Int32Array(slots);
  const fractions: Array<[number, number]> = [];
  let assigned = 0;
  weights.forEach((w, i) => {
    const exact = (total * w) / sum;
    quotas[i] = Math.floor(exact);
    assigned += quotas[i];
    fractions.push([exact - quotas[i], i]);
  });
  fractions.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - assigned; k++) quotas[fractions[k][1]] += 1;
  return { startMs, quotas };
}
