import { describe, expect, it, vi } from "vitest";
import { GroupCommit, groupCommitOptions } from "./group-commit";

const options = { windowMs: 5, maxItems: 100, maxInFlight: 1 };

describe("GroupCommit", () => {
  it("coalesces concurrent submissions into one flush and answers each with its own results", async () => {
    const flush = vi.fn(async (items: number[]) => items.map((n) => n * 10));
    const gc = new GroupCommit(flush, options);
    const answers = await Promise.all([gc.submit([1, 2]), gc.submit([3]), gc.submit([4, 5, 6])]);
    expect(answers).toEqual([[10, 20], [30], [40, 50, 60]]);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(flush).toHaveBeenCalledWith([1, 2, 3, 4, 5, 6]);
  });

  it("fails every submission of a group that fails again alone, and later groups still commit", async () => {
    let fail = true;
    const gc = new GroupCommit(async (items: number[]) => {
      if (fail) throw new Error("broken");
      return items;
    }, options);
    const first = Promise.allSettled([gc.submit([1]), gc.submit([2])]);
    expect((await first).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(gc.submit([3])).resolves.toEqual([3]);
  });

  it("commits each submission of a failed group alone, so only the one that fails again gets the error", async () => {
    const POISON = -1;
    const flush = vi.fn(async (items: number[]) => {
      if (items.includes(POISON)) throw new Error("invalid input value");
      return items.map((n) => n * 10);
    });
    const gc = new GroupCommit(flush, options);
    const answers = await Promise.allSettled([gc.submit([1, 2]), gc.submit([3, POISON]), gc.submit([4])]);
    expect(answers).toEqual([
      { status: "fulfilled", value: [10, 20] },
      { status: "rejected", reason: new Error("invalid input value") },
      { status: "fulfilled", value: [40] },
    ]);
    expect(flush.mock.calls).toEqual([[[1, 2, 3, POISON, 4]], [[1, 2]], [[3, POISON]], [[4]]]);
  });

  it("fails a whole group at once, without retrying, when storage is unavailable", async () => {
    const unavailable = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const flush = vi.fn(async (): Promise<number[]> => {
      throw unavailable;
    });
    const gc = new GroupCommit(flush, options);
    const answers = await Promise.allSettled([gc.submit([1]), gc.submit([2]), gc.submit([3])]);
    expect(answers.map((r) => r.status === "rejected" && r.reason)).toEqual([unavailable, unavailable, unavailable]);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it("stops retrying alone when storage becomes unavailable meanwhile", async () => {
    const unavailable = Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" });
    const flush = vi.fn(async (items: number[]): Promise<number[]> => {
      throw items.length > 1 ? new Error("invalid input value") : unavailable;
    });
    const gc = new GroupCommit(flush, options);
    const answers = await Promise.allSettled([gc.submit([1]), gc.submit([2]), gc.submit([3])]);
    expect(answers.map((r) => r.status === "rejected" && r.reason)).toEqual([unavailable, unavailable, unavailable]);
    expect(flush).toHaveBeenCalledTimes(2);
  });

  it("flushes at once when the size bound is reached and splits groups at it", async () => {
    const sizes: number[] = [];
    const gc = new GroupCommit(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, { windowMs: 10_000, maxItems: 4, maxInFlight: 1 });
    const all = await Promise.all([gc.submit([1, 2, 3]), gc.submit([4, 5]), gc.submit([6, 7])]);
    expect(all.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 4]);
  });

  it("never runs more flushes at once than allowed", async () => {
    let running = 0;
    let peak = 0;
    const gc = new GroupCommit(async (items: number[]) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return items;
    }, { windowMs: 0, maxItems: 1, maxInFlight: 2 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => gc.submit([i])));
    expect(peak).toBe(2);
  });

  it("fails the group and everything queued behind it at once when storage is unavailable", async () => {
    const unavailable = Object.assign(new Error("PostgreSQL did not answer"), { code: "ETIMEDOUT" });
    const flush = vi.fn(async (items: number[]) => {
      await new Promise((r) => setTimeout(r, 20));
      if (items.includes(1)) throw unavailable;
      return items;
    });
    const gc = new GroupCommit(flush, { windowMs: 0, maxItems: 1, maxInFlight: 1 });
    const first = gc.submit([1]);
    await new Promise((r) => setTimeout(r, 5));
    // queued while the first group waits for storage
    const queued = [gc.submit([2]), gc.submit([3])];
    await expect(first).rejects.toBe(unavailable);
    for (const q of queued) await expect(q).rejects.toBe(unavailable);
    expect(flush).toHaveBeenCalledTimes(1);
    // the next submission is tried again
    await expect(gc.submit([4])).resolves.toEqual([4]);
  });

  it("answers an empty submission without a flush", async () => {
    const flush = vi.fn(async (items: number[]) => items);
    await expect(new GroupCommit(flush, options).submit([])).resolves.toEqual([]);
    expect(flush).not.toHaveBeenCalled();
  });
});

describe("groupCommitOptions", () => {
  const defaults = { windowMs: 1, maxItems: 200, maxInFlight: 2 };

  it("takes the defaults, or the settings that are given", () => {
    expect(groupCommitOptions("X", defaults, {})).toEqual(defaults);
    expect(groupCommitOptions("X", defaults, { X_GROUP_WINDOW_MS: "0.5", X_GROUP_MAX_ITEMS: "1000", X_GROUP_MAX_IN_FLIGHT: " " })).toEqual({ windowMs: 0.5, maxItems: 1000, maxInFlight: 2 });
  });

  it.each([
    ["X_GROUP_MAX_IN_FLIGHT", "0"],
    ["X_GROUP_MAX_IN_FLIGHT", "two"],
    ["X_GROUP_MAX_ITEMS", "0"],
    ["X_GROUP_MAX_ITEMS", "2.5"],
    ["X_GROUP_WINDOW_MS", "-1"],
    ["X_GROUP_WINDOW_MS", "soon"],
    // a timer's delay above 2^31 - 1 ms fires after 1 ms
    ["X_GROUP_WINDOW_MS", "2147483648"],
  ])("refuses %s=%s, naming it (nothing would ever commit, or not as asked)", (name, value) => {
    expect(() => groupCommitOptions("X", defaults, { [name]: value })).toThrow(new RegExp(`^${name} must be .* not '${value}'`));
  });
});

