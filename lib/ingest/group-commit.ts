// Group commit (DESIGN.md 12): concurrent small writes are coalesced into one
// transaction. A submission resolves only after the commit that holds it, so
// a 200 built on it still means durable. If that commit fails because storage
// is unavailable, every submission in it fails at once (retrying would only
// delay the 503), and so does every submission queued behind it. Any other
// failure may come from one submission's data, and must not fail the others
// (other organisations' requests among them): each submission of the group is
// then committed again on its own, and only those that fail alone get an error.
import { isStorageUnavailable } from "@/lib/db-errors";
import { MAX_TIMER_MS, numberSetting } from "@/lib/env";

export type Flush<I, R> = (items: I[]) => Promise<R[]>;

type Pending<I, R> = { items: I[]; resolve: (results: R[]) => void; reject: (err: unknown) => void };

export type GroupCommitOptions = {
  /** How long the first submission of a group waits for company. */
  windowMs: number;
  /** A group is flushed at once when it holds this many items. */
  maxItems: number;
  /** Groups being committed at the same time (PostgreSQL connections used). */
  maxInFlight: number;
};

/** A setting of `env` from `min` to MAX_TIMER_MS (the window is a timer's delay), a whole number when `whole` (numberSetting). */
function setting(env: Record<string, string | undefined>, name: string, fallback: number, min: number, whole: boolean): number {
  const valid = (n: number) => n >= min && n <= MAX_TIMER_MS && (!whole || Number.isInteger(n));
  return numberSetting(name, env[name], fallback, valid, `${whole ? "a whole number" : "a number"} from ${min} to ${MAX_TIMER_MS}`);
}

/**
 * The options of a group commit from `<prefix>_GROUP_WINDOW_MS`,
 * `_MAX_ITEMS` and `_MAX_IN_FLIGHT`, else `defaults`. A value that is not a
 * number, or 0 items or groups in flight (nothing would ever commit), stops
 * the start with an error naming the setting.
 */
export function groupCommitOptions(prefix: string, defaults: GroupCommitOptions, env: Record<string, string | undefined> = process.env): GroupCommitOptions {
  return {
    windowMs: setting(env, `${prefix}_GROUP_WINDOW_MS`, defaults.windowMs, 0, false),
    maxItems: setting(env, `${prefix}_GROUP_MAX_ITEMS`, defaults.maxItems, 1, true),
    maxInFlight: setting(env, `${prefix}_GROUP_MAX_IN_FLIGHT`, defaults.maxInFlight, 1, true),
  };
}

export class GroupCommit<I, R> {
  private queue: Pending<I, R>[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;

  constructor(
    private readonly flush: Flush<I, R>,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves with one result per item, in order, once they are committed. */
  submit(items: I[]): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.queued += items.length;
      if (this.queued >= this.options.maxItems) this.drain();
      else this.timer ??= setTimeout(() => this.drain(), this.options.windowMs);
    });
  }

  private drain(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.queue.length > 0 && this.inFlight < this.options.maxInFlight) {
      this.commit(this.takeGroup());
    }
  }

  private takeGroup(): Pending<I, R>[] {
    const group: Pending<I, R>[] = [];
    let size = 0;
    while (this.queue.length > 0 && (group.length === 0 || size + this.queue[0].items.length <= this.options.maxItems)) {
      const next = this.queue.shift()!;
      size += next.items.length;
      group.push(next);
    }
    this.queued -= size;
    return group;
  }

  private async commit(group: Pending<I, R>[]): Promise<void> {
    this.inFlight++;
    try {
      const results = await this.flush(group.flatMap((p) => p.items));
      let offset = 0;
      for (const pending of group) {
        pending.resolve(results.slice(offset, offset + pending.items.length));
        offset += pending.items.length;
      }
    } catch (err) {
      if (isStorageUnavailable(err)) {
        for (const pending of group) pending.reject(err);
        // the groups waiting behind it would only wait for the same unavailable storage
        this.rejectQueued(err);
      } else if (group.length === 1) group[0].reject(err);
      else await this.commitEachAlone(group);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.drain();
    }
  }

  private rejectQueued(err: unknown): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const queued = this.queue.splice(0);
    this.queued = 0;
    for (const pending of queued) pending.reject(err);
  }

  /**
   * One after the other, so the retries hold no more connections than the
   * group did. Should storage become unavailable meanwhile, the rest fail at
   * once instead of each waiting for its own connection timeout.
   */
  private async commitEachAlone(group: Pending<I, R>[]): Promise<void> {
    for (const [i, pending] of group.entries()) {
      try {
        pending.resolve(await this.flush(pending.items));
      } catch (err) {
        pending.reject(err);
        if (isStorageUnavailable(err)) {
          for (const rest of group.slice(i + 1)) rest.reject(err);
          return;
        }
      }
    }
  }
}
