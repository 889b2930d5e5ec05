// The --http phase of `npm run bench:queries`: the app as `npm start` serves
// it (node --import tsx server.ts, production) on the bench database, timed
// over HTTP: the spend API with an admin key, and the overview page rendered
// on the server for a signed-in admin (sign-in through next-auth's own
// credentials endpoints). It uses the existing production build and never
// builds one (`npm run build`, or `npm start` once, makes it).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { freePort } from "../scripts/lib/free-port.mjs";
import { measure, type Timing } from "./queries-timing";

const EMAIL = "bench-queries-admin@example.test";
const PASSWORD = "bench-queries-password";

async function startApp(root: string, databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  if (!["BUILD_ID", "server/app/api/v1/spend/route.js"].every((f) => fs.existsSync(path.join(root, ".next", f)))) {
    throw new Error("no production build with /api/v1/spend: run `npm run build` first (the bench never builds)");
  }
  const port = await freePort();
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production" as const, AUTH_SECRET: "bench-queries-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" };
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < 90_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`the app exited during start (${child.exitCode})`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("the app was not healthy within 90 s");
}

/** An admin of the tenant who signs in with a password; the session cookie. */
async function signIn(url: string, orgId: string): Promise<string> {
  const passwordHash = await hashPassword(PASSWORD);
  const user = await prisma().user.upsert({ where: { email: EMAIL }, create: { email: EMAIL, name: "Bench admin", passwordHash }, update: { passwordHash } });
  await prisma().membership.upsert({ where: { orgId_userId: { orgId, userId: user.id } }, create: { orgId, userId: user.id, role: "admin" }, update: { role: "admin" } });
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: "/" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token="));
  if (!session) throw new Error(`sign-in failed (${res.status})`);
  return session;
}

export type HttpTimings = { name: string; timing: Timing }[];

export async function timeOverHttp(input: { root: string; databaseUrl: string; orgId: string; apiKey: string; runs: number; spend: { name: string; query: string }[] }): Promise<HttpTimings> {
  const { url, child } = await startApp(input.root, input.databaseUrl);
  try {
    const cookie = await signIn(url, input.orgId);
    const page = async () => {
      const res = await fetch(`${url}/`, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200 || !html.includes("mtd-spend")) throw new Error(`the overview answered ${res.status} without its figures`);
    };
    const results: HttpTimings = [{ name: "overview page / (server render, signed in)", timing: await measure(page, input.runs) }];
    for (const { name, query } of input.spend) {
      const get = async () => {
        const res = await fetch(`${url}/api/v1/spend?${query}`, { headers: { authorization: `Bearer ${input.apiKey}` } });
        if (res.status !== 200) throw new Error(`GET /api/v1/spend answered ${res.status}: ${await res.text()}`);
        await res.arrayBuffer();
      };
      results.push({ name: `GET /api/v1/spend: ${name}`, timing: await measure(get, input.runs) });
    }
    return results;
  } finally {
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    await exited;
  }
}
