// A fixed number of POSTs at a fixed concurrency, driven by wrk (Debian's
// package) with bench/wrk-fixed-count.lua: a load tool that costs the machine
// far less per request than a Node client (measured on ingest: autocannon
// topped out near 5,000 requests/s where wrk drove the same server at 8,300).
// wrk runs for its -d duration whatever its threads do, so the Lua script
// reports each thread that has its count and wrk is ended (SIGINT: it then
// prints its summary) once all have.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type LoadOptions = {
  url: string;
  /** Request bodies, sent in turn (JSON: one line each). */
  bodies: string[];
  apiKey?: string;
  requests: number;
  connections: number;
  threads: number;
  /** When set, each body's "__UNIQUE__" becomes a value unique per request, starting with this prefix. */
  uniquePrefix?: string;
  /** Texts counted in the 200 answers (the first that matches counts). */
  marks?: [a: string, b?: string];
  /** Bound on the run: wrk stops then even if the count is not reached. */
  maxSeconds: number;
};

export type LoadResult = {
  /** False when the time bound ended the run before the count was reached. */
  complete: boolean;
  responses: number;
  /** 200 answers holding marks[0], and marks[1]. */
  markedA: number;
  markedB: number;
  seconds: number;
  rps: number;
  non2xx: number;
  socketErrors: number;
  p50Ms: number;
  p75Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
};

export const WRK = process.env.BENCH_WRK ?? "/usr/bin/wrk";
const SCRIPT = path.join(import.meta.dirname, "wrk-fixed-count.lua");
const DONE = "WRK_THREAD_DONE";
const SUMMARY = "WRK_SUMMARY ";

export function runWrk(options: LoadOptions): Promise<LoadResult> {
  if (!fs.existsSync(WRK)) {
    return Promise.reject(new Error(`the load tool wrk is not at ${WRK}: install it (apt-get install wrk) or set BENCH_WRK to its path`));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-wrk-"));
  const bodiesFile = path.join(dir, "bodies.ndjson");
  fs.writeFileSync(bodiesFile, options.bodies.join("\n"));
  const env = {
    ...process.env,
    WRK_BODIES_FILE: bodiesFile,
    WRK_KEY: options.apiKey ?? "",
    WRK_PER_THREAD: String(Math.ceil(options.requests / options.threads)),
    WRK_MARK_A: options.marks?.[0] ?? "",
    WRK_MARK_B: options.marks?.[1] ?? "",
    ...(options.uniquePrefix ? { WRK_UNIQUE: options.uniquePrefix } : {}),
  };
  const args = ["-t", String(options.threads), "-c", String(options.connections), "-d", `${options.maxSeconds}s`, "--timeout", "10s", "--latency", "-s", SCRIPT, options.url];
  return new Promise<LoadResult>((resolve, reject) => {
    const child = spawn(WRK, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let stopping = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (!stopping && out.split(DONE).length - 1 >= options.threads) {
        stopping = true;
        child.kill("SIGINT");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const line = out.split("\n").find((l) => l.startsWith(SUMMARY));
      if (!line) return reject(new Error(`wrk ended (${code ?? signal}) without a summary:\n${out}${err}`));
      const s = JSON.parse(line.slice(SUMMARY.length)) as Record<string, number>;
      const seconds = s.durationUs / 1e6;
      const ms = (us: number) => us / 1000;
      resolve({
        complete: stopping,
        responses: s.responses,
        markedA: s.markedA,
        markedB: s.markedB,
        seconds,
        rps: s.responses / seconds,
        non2xx: s.status,
        socketErrors: s.connect + s.read + s.write + s.timeout,
        p50Ms: ms(s.p50),
        p75Ms: ms(s.p75),
        p90Ms: ms(s.p90),
        p99Ms: ms(s.p99),
        maxMs: ms(s.max),
      });
    });
  }).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
