// The server with a machine worker (MACHINE_WORKERS=1), on the e2e database:
// connections go in turn to the main process and the worker (shown by
// stopping the worker: every other connection then waits), the worker
// forwards pages and sign-in to the main process's Next.js, a worker that
// dies is started again, and SIGTERM stops both processes.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { childrenOf } from "../../bench/process-tree";
import { serverArgs } from "../../scripts/lib/server-command.mjs";
import { expect, signIn, test } from "../fixtures";

const port = Number(process.env.E2E_PORT ?? 3211) + 1;
const url = `http://127.0.0.1:${port}`;
let server: ChildProcess;

/** One request on a connection of its own, so that each goes to the next process in turn. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}${path}`, { agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

/**
 * Shows that the worker `pid` serves connections, not only the main process:
 * while it is stopped (SIGSTOP), of two fresh connections in a row exactly
 * one waits (its turn was the worker's), and that one is answered once the
 * worker runs again.
 */
async function expectWorkerServes(pid: number): Promise<void> {
  process.kill(pid, "SIGSTOP");
  const waiting: Promise<{ status: number }>[] = [];
  let answered = 0;
  try {
    for (let i = 0; i < 2; i++) {
      const answer = get("/api/health");
      const within = await Promise.race([answer.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 1_500))]);
      if (within) answered++;
      else waiting.push(answer);
    }
  } finally {
    process.kill(pid, "SIGCONT");
  }
  expect({ answered, waiting: waiting.length }).toEqual({ answered: 1, waiting: 1 });
  expect((await waiting[0]).status).toBe(200);
}

async function until<T>(probe: () => Promise<T | null | undefined> | T | null | undefined, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(probe()).catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.beforeAll(async () => {
  server = spawn(process.execPath, serverArgs(), {
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", MACHINE_WORKERS: "1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // ready once both processes answer: the worker reports ready a moment after the main process listens
  await until(async () => (await get("/api/health")).status === 200 && childrenOf(server.pid!).length === 1, "the server and its worker");
  await new Promise((r) => setTimeout(r, 1_000));
});

test.afterAll(() => {
  if (server.exitCode === null) server.kill("SIGKILL");
});

test.describe.configure({ mode: "serial" });

test("machine endpoints and forwarded pages answer on every connection", async () => {
  const answers = await Promise.all(Array.from({ length: 6 }, () => get("/api/health")));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
  const pages = await Promise.all(Array.from({ length: 6 }, () => get("/login")));
  expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200, 200, 200]);
  for (const page of pages) expect(page.body).toContain("Sign in to AI FinOps");
  // the API on a worker's connection: an unknown key is refused as on the main process
  const policy = await new Promise<number>((resolve, reject) => {
    const req = http.request(`${url}/api/v1/policy/check`, { method: "POST", agent: false, headers: { authorization: "Bearer fo_unknown", "content-type": "application/json" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end(JSON.stringify({ model: "gpt-4o" }));
  });
  expect(policy).toBe(401);
  await expectWorkerServes(childrenOf(server.pid!)[0]);
});

test("a browser signs in and moves around through both processes", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await signIn(page, "finance");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Budgets" }).click();
  await expect(page.getByRole("heading", { name: "Budgets", level: 1 })).toBeVisible();
  await context.close();
});

test("a worker that dies is started again, and SIGTERM stops both processes", async () => {
  const [worker] = childrenOf(server.pid!);
  process.kill(worker, "SIGKILL");
  const replacement = await until(() => childrenOf(server.pid!).find((pid) => pid !== worker), "a new worker");
  await new Promise((r) => setTimeout(r, 1_500));
  expect((await Promise.all(Array.from({ length: 4 }, () => get("/api/health")))).map((a) => a.status)).toEqual([200, 200, 200, 200]);
  await expectWorkerServes(replacement);
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
  await until(() => !fs.existsSync(`/proc/${replacement}`), "the worker to exit", 10_000);
});
