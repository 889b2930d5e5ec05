// Group commit (DESIGN.md 12): concurrent small writes are coalesced into one
// transaction. A submission resolves only after the commit that holds it, so
// a 200 built on it still means durable; if that commit fails, every
// submission in it fails with the same error and nothing of it is stored.

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
      for (const pending of group) pending.reject(err);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.drain();
    }
  }
}
