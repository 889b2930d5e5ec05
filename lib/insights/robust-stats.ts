// Robust statistics for the detectors: the median and the median absolute
// deviation (MAD) resist the outliers the detectors look for, where a mean
// and a standard deviation would be dragged towards them.

/** Scales the MAD to the standard deviation of normally distributed data. */
const MAD_TO_SIGMA = 1.4826;

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export type RobustScale = { median: number; sigma: number };

/**
 * Median and MAD-based sigma of `values`; `floor` keeps sigma above zero when
 * most values are equal (a flat baseline), so one small change is not infinite.
 */
export function robustScale(values: readonly number[], floor: number): RobustScale {
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  return { median: m, sigma: Math.max(MAD_TO_SIGMA * mad, floor) };
}

/** How many robust sigmas `value` lies above (positive) or below the median. */
export function robustZ(value: number, scale: RobustScale): number {
  return (value - scale.median) / scale.sigma;
}

/**
 * Theil–Sen slope of y over x (the median of pairwise slopes) and the share
 * of pairs that rise: a trend estimate that one odd point cannot bend.
 */
export function theilSen(points: ReadonlyArray<readonly [x: number, y: number]>): { slope: number; intercept: number; rising: number } {
  const slopes: number[] = [];
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j][0] - points[i][0];
      if (dx !== 0) slopes.push((points[j][1] - points[i][1]) / dx);
    }
  }
  if (slopes.length === 0) return { slope: 0, intercept: points[0]?.[1] ?? 0, rising: 0 };
  const slope = median(slopes);
  const intercept = median(points.map(([x, y]) => y - slope * x));
  return { slope, intercept, rising: slopes.filter((s) => s > 0).length / slopes.length };
}
