// Seeds an organisation with the demo structure and generated usage.
//   node node_modules/tsx/dist/cli.mjs scripts/seed.ts --org demo --events 60000 --days 90 [--if-empty] [--seed 42]
// Exit codes: 0 done (or skipped with --if-empty), 1 failed, 2 invalid arguments or environment.
import { parseArgs } from "node:util";
import { closeDb } from "@/lib/db";
import { env } from "@/lib/env";
import { seedOrg, type SeedOrgResult } from "@/lib/seed/seed-org";
import type { WriteProgress } from "@/lib/seed/write-usage";

const USAGE = "usage: scripts/seed.ts [--org <slug>] [--events N] [--days D] [--seed S] [--if-empty]";
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

class UsageError extends Error {}

function integer(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")} (got "${text}")`);
  }
  return value;
}

function parse(argv: string[]) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        org: { type: "string", default: "demo" },
        events: { type: "string", default: "60000" },
        days: { type: "string", default: "90" },
        seed: { type: "string", default: "42" },
        "if-empty": { type: "boolean", default: false },
      },
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (!SLUG.test(values.org)) {
    throw new UsageError(`--org must be a slug: lower-case letters, digits and inner dashes (got "${values.org}")`);
  }
  return {
    slug: values.org,
    events: integer("events", values.events, 1, 100_000_000),
    days: integer("days", values.days, 1, 3650),
    seed: integer("seed", values.seed, 0, 0xffff_ffff),
    ifEmpty: values["if-empty"],
  };
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
}

/** A bar redrawn in place on a terminal; a line every ~10 % otherwise (logs, CI). */
function progressPrinter(): (p: WriteProgress) => void {
  const tty = process.stderr.isTTY;
  let lastDecile = -1;
  let lastEvents = -1;
  return ({ events, total, elapsedMs }) => {
    // a last chunk may hold only outcomes: nothing new to show
    if (events === lastEvents) return;
    lastEvents = events;
    const share = total > 0 ? Math.min(1, events / total) : 1;
    const rate = elapsedMs > 0 ? (events * 1000) / elapsedMs : 0;
    const eta = rate > 0 ? ((total - events) / rate) * 1000 : 0;
    const bar = "#".repeat(Math.round(share * 30)).padEnd(30, "-");
    const line = `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${events.toLocaleString("en")}/${total.toLocaleString("en")} events  ${Math.round(rate).toLocaleString("en")} ev/s  ETA ${duration(eta)}`;
    if (tty) {
      process.stderr.write(`\r${line}${share === 1 ? "\n" : ""}`);
    } else if (Math.floor(share * 10) > lastDecile) {
      lastDecile = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

function summary(slug: string, r: SeedOrgResult, ms: number): string {
  if (r.skipped) return `Organisation "${slug}" already has usage events: nothing seeded (--if-empty).`;
  const rate = Math.round((r.events * 1000) / Math.max(ms, 1));
  return [
    `Seeded organisation "${slug}" (${r.orgId}): ${r.teams} teams, ${r.features} features, ${r.users} demo users`,
    `  ${r.events.toLocaleString("en")} events, ${r.outcomes.toLocaleString("en")} outcomes, ${r.unpricedEvents} unpriced`,
    `  spend $${r.costUsd}, saved by cache hits $${r.savedUsd}`,
    `  in ${(ms / 1000).toFixed(1)} s (${rate.toLocaleString("en")} events/s)`,
  ].join("\n");
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const started = Date.now();
  try {
    const result = await seedOrg({ ...args, onProgress: progressPrinter() });
    console.log(summary(args.slug, result, Date.now() - started));
    return 0;
  } catch (err) {
    console.error(`seeding failed: ${(err as Error).message}`);
    return 1;
  } finally {
    await closeDb();
  }
}

process.exit(await main());
