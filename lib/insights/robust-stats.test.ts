import { describe, expect, it } from "vitest";
import { median, quantile, robustScale, robustZ, theilSen } from "./robust-stats";

describe("robust statistics", () => {
  it("takes the median of odd and even counts, NaN of none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("interpolates quantiles", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([0, 10], 0.9)).toBe(9);
  });

  it("is not moved by one huge outlier, where the mean would be", () => {
    const base = [10, 11, 9, 10, 12, 8, 10, 11, 9, 10];
    const scale = robustScale([...base, 10_000], 0.01);
    expect(scale.median).toBe(10);
    expect(scale.sigma).toBeCloseTo(1.4826, 3);
    expect(robustZ(10_000, scale)).toBeGreaterThan(1000);
    expect(robustZ(11, scale)).toBeLessThan(1);
  });

  it("keeps sigma at the floor on a flat baseline", () => {
    const scale = robustScale([5, 5, 5, 5], 0.5);
    expect(scale.sigma).toBe(0.5);
    expect(robustZ(6, scale)).toBe(2);
  });

  it("fits a slope that one odd point cannot bend", () => {
    const points: Array<[number, number]> = [[0, 100], [1, 110], [2, 120], [3, 1000], [4, 140], [5, 150]];
    const fit = theilSen(points);
    expect(fit.slope).toBeCloseTo(10, 6);
    expect(fit.intercept).toBeCloseTo(100, 6);
    expect(fit.rising).toBeCloseTo(13 / 15, 6); // the outlier's two falling pairs
    expect(theilSen([[0, 5], [1, 4], [2, 3]]).rising).toBe(0);
  });
});
