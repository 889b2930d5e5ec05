// Machine workers (DESIGN.md 11 and the scale path): the main process
// (server.ts) accepts every connection on the public port and hands them,
// in turn with itself, to worker processes (machine-worker.ts) that serve
// the machine endpoints on a core of their own. A connection stays with the
// process it was handed to (keep-alive); a worker forwards what it does not
// serve to the main process. A worker that dies is started again; until it
// is ready, its turns are the main process's.
import { type ChildProcess, fork } from "node:child_process";
import type net from "node:net";

type Worker = { child: ChildProcess; ready: boolean };

const RESTART_DELAY_MS = 1_000;

export class MachineWorkers {
  private readonly workers: Worker[] = [];
  private turn = 0;
  private stopping = false;

  /** Starts `count` workers running `entry`, which forward other requests to 127.0.0.1:`mainPort`. */
  constructor(
    count: number,
    private readonly entry: string,
    private readonly mainPort: number,
  ) {
    for (let i = 0; i < count; i++) this.workers.push(this.spawn(i));
  }

  private spawn(slot: number): Worker {
    const child = fork(this.entry, [], { env: { ...process.env, FINOPS_MAIN_PORT: String(this.mainPort) } });
    const worker: Worker = { child, ready: false };
    child.on("message", (message) => {
      if (message === "ready") worker.ready = true;
    });
    child.on("exit", (code, signal) => {
      worker.ready = false;
      if (this.stopping) return;
      console.error(`machine worker ${child.pid} exited (${signal ?? code}); starting another`);
      setTimeout(() => {
        if (!this.stopping) this.workers[slot] = this.spawn(slot);
      }, RESTART_DELAY_MS).unref();
    });
    return worker;
  }

  /** Hands `socket` (paused, unread) to the worker whose turn it is; false when the turn is the main process's. */
  take(socket: net.Socket): boolean {
    const slot = this.turn++ % (this.workers.length + 1);
    const worker = this.workers[slot];
    if (!worker?.ready) return false;
    worker.child.send("connection", socket, (err) => {
      if (err) socket.destroy();
    });
    return true;
  }

  /** Asks every worker to finish its requests and exit; kills those still running after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.workers.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
        await exited;
        clearTimeout(force);
      }),
    );
  }
}
