/** A background task run every few milliseconds in this process; a failed run is logged and the next one tried. */
export function repeater(name: string, task: () => Promise<unknown>, defaultMs: number) {
  let timer: NodeJS.Timeout | null = null;
  return {
    start(everyMs = defaultMs): void {
      timer ??= setInterval(() => {
        task().catch((err: Error) => console.error(`${name} failed:`, err.message));
      }, everyMs);
      timer.unref();
    },
    stop(): void {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
