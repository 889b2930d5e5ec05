// Builds lib/pricing/catalog.json from the @pydantic/genai-prices data embedded
// in the installed package, or from a newer data file in the package's
// published data.json format (an array of providers):
//   node node_modules/tsx/dist/cli.mjs scripts/build-price-catalog.ts [data.json]
// Conversion choices (one token price per bucket and date):
// - Numbers become decimals through their shortest string form, never float
//   arithmetic, rounded half up to 9 places: the data holds float noise
//   (0.18000000000000002) and repeating fractions (0.08333333333333334).
// - Tiered prices (a higher rate once the prompt exceeds e.g. 200k tokens)
//   keep their base tier: long prompts on those models are under-priced.
// - History: the first price set applies from 1970-01-01 (the package falls
//   back to it), each start_date from that day 00:00Z.
// - Time-of-day prices (DeepSeek peak/off-peak): a window price covering more
//   than half the day replaces the base price; shorter windows are ignored.
// - Only token units are kept. A price set with only other units (audio
//   hours, pages) is skipped, leaving the model unpriced; an empty set is a
//   free model in the data and becomes zero; a missing input or output price
//   in a token set means that bucket is not billed (embeddings).
// - Aliases: each literal of a match rule (equals, starts_with, contains,
//   ends_with) is a name the rule accepts; it aliases the first model of the
//   provider whose rule accepts it, as the package resolves it. Regex-only
//   names are left to PriceBook's snapshot stripping.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitForUpdate, type MatchLogic, type ModelInfo, type Provider } from "@pydantic/genai-prices";
import { formatUsd, parseUsd } from "@/lib/money";
import type { AliasRow, Catalog, PriceRow } from "@/lib/pricing/price-book";

type SourcePrices = Record<string, unknown>;
type Conditional = { constraint?: Record<string, string>; prices: SourcePrices };

const EPOCH = "1970-01-01T00:00:00Z";
const DAY_SECONDS = 86_400;
const OUTPUT = fileURLToPath(new URL("../lib/pricing/catalog.json", import.meta.url));
const SOURCE = "pydantic/genai-prices (MIT), https://github.com/pydantic/genai-prices; converted by scripts/build-price-catalog.ts";

const KEYS = {
  inputPerMTok: ["input_mtok", "input_text_mtok"],
  outputPerMTok: ["output_mtok", "output_text_mtok"],
  cachedInputPerMTok: ["cache_read_mtok", "cache_text_read_mtok"],
  cacheWritePerMTok: ["cache_write_mtok", "cache_write_5m_mtok", "cache_text_write_mtok"],
  reasoningPerMTok: ["output_reasoning_mtok"],
} as const;

/** The decimal written by the number's shortest representation, to 9 places. */
export function decimalOf(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new Error(`invalid price ${value}`);
  const [mantissa, exp = "0"] = String(value).split("e");
  const [whole, decimals = ""] = mantissa.split(".");
  const digits = whole + decimals;
  const point = whole.length + Number(exp);
  const plain =
    point <= 0 ? `0.${"0".repeat(-point)}${digits}`
    : point >= digits.length ? digits + "0".repeat(point - digits.length)
    : `${digits.slice(0, point)}.${digits.slice(point)}`;
  const [units, fraction = ""] = plain.split(".");
  const nanos = parseUsd(`${units}.${fraction.slice(0, 9) || "0"}`) + (fraction[9] >= "5" ? 1n : 0n);
  return formatUsd(nanos).replace(/0+$/, "").replace(/\.$/, "");
}

function price(prices: SourcePrices, keys: readonly string[]): string | null {
  const value = keys.map((key) => prices[key]).find((v) => v !== undefined);
  if (value === undefined) return null;
  const base = typeof value === "object" && value !== null ? (value as { base: unknown }).base : value;
  if (typeof base !== "number") throw new Error(`unsupported price ${JSON.stringify(value)}`);
  return decimalOf(base);
}

function toRow(provider: string, model: string, effectiveFrom: string, prices: SourcePrices): PriceRow | null {
  const input = price(prices, KEYS.inputPerMTok);
  const output = price(prices, KEYS.outputPerMTok);
  if (input === null && output === null && Object.keys(prices).length > 0) return null;
  return {
    provider, model, effectiveFrom,
    inputPerMTok: input ?? "0",
    outputPerMTok: output ?? "0",
    cachedInputPerMTok: price(prices, KEYS.cachedInputPerMTok),
    cacheWritePerMTok: price(prices, KEYS.cacheWritePerMTok),
    reasoningPerMTok: price(prices, KEYS.reasoningPerMTok),
  };
}

function secondsOfDay(time: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!m) throw new Error(`invalid time of day ${time}`);
  const offset = m[4] === "Z" ? 0 : (m[5] === "-" ? -1 : 1) * (Number(m[6]) * 3600 + Number(m[7]) * 60);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) - offset;
}

/** The base price set: the first one, unless a time window covers most of the day. */
function basePrices(list: Conditional[]): SourcePrices {
  const coverage = new Map<string, { seconds: number; prices: SourcePrices }>();
  for (const { constraint, prices } of list) {
    if (!constraint?.start_time || !constraint.end_time) continue;
    const key = JSON.stringify(prices);
    const entry = coverage.get(key) ?? { seconds: 0, prices };
    const span = secondsOfDay(constraint.end_time) - secondsOfDay(constraint.start_time);
    entry.seconds += ((span % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
    coverage.set(key, entry);
  }
  const dominant = [...coverage.values()].find((entry) => entry.seconds > DAY_SECONDS / 2);
  return dominant?.prices ?? list[0].prices;
}

function history(model: ModelInfo): Array<[string, SourcePrices]> {
  if (!Array.isArray(model.prices)) return [[EPOCH, model.prices]];
  const list = model.prices as unknown as Conditional[];
  const byDate = new Map<string, SourcePrices>([[EPOCH, basePrices(list)]]);
  for (const { constraint, prices } of list.slice(1)) {
    if (constraint?.start_date) byDate.set(`${constraint.start_date}T00:00:00Z`, prices);
  }
  return [...byDate];
}

function matches(rule: MatchLogic, name: string): boolean {
  if ("or" in rule) return rule.or.some((r) => matches(r, name));
  if ("and" in rule) return rule.and.every((r) => matches(r, name));
  if ("equals" in rule) return name === rule.equals.toLowerCase();
  if ("starts_with" in rule) return name.startsWith(rule.starts_with.toLowerCase());
  if ("ends_with" in rule) return name.endsWith(rule.ends_with.toLowerCase());
  if ("contains" in rule) return name.includes(rule.contains.toLowerCase());
  return new RegExp(rule.regex).test(name);
}

function literals(rule: MatchLogic): string[] {
  if ("or" in rule) return rule.or.flatMap(literals);
  if ("and" in rule) return rule.and.flatMap(literals);
  if ("regex" in rule) return [];
  return [Object.values(rule)[0] as string];
}

function aliasesOf(provider: Provider, priced: Set<string>): AliasRow[] {
  const ids = new Set(provider.models.map((m) => m.id.toLowerCase()));
  const names = new Set(provider.models.flatMap((m) => literals(m.match)).map((n) => n.toLowerCase()));
  const rows: AliasRow[] = [];
  for (const alias of names) {
    if (!/[a-z0-9]$/.test(alias) || ids.has(alias)) continue;
    const model = provider.models.find((m) => matches(m.match, alias));
    if (model && priced.has(model.id)) rows.push({ provider: provider.id, alias, model: model.id });
  }
  return rows;
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function buildCatalog(providers: Provider[], generatedFrom: string): Catalog {
  const prices: PriceRow[] = [];
  const aliases: AliasRow[] = [];
  for (const provider of providers) {
    const priced = new Set<string>();
    for (const model of provider.models) {
      for (const [from, set] of history(model)) {
        const row = toRow(provider.id, model.id, from, set);
        if (!row) continue;
        prices.push(row);
        priced.add(model.id);
      }
    }
    aliases.push(...aliasesOf(provider, priced));
  }
  prices.sort(byKey((r) => `${r.provider}\0${r.model}\0${r.effectiveFrom}`));
  aliases.sort(byKey((r) => `${r.provider}\0${r.alias}`));
  return { source: SOURCE, generatedFrom, prices, aliases };
}

/** One row per line: small diffs when prices change. */
function render(catalog: Catalog): string {
  const list = (rows: object[]) => rows.map((row) => `    ${JSON.stringify(row)}`).join(",\n");
  return [
    "{",
    `  "source": ${JSON.stringify(catalog.source)},`,
    `  "generatedFrom": ${JSON.stringify(catalog.generatedFrom)},`,
    `  "prices": [\n${list(catalog.prices)}\n  ],`,
    `  "aliases": [\n${list(catalog.aliases)}\n  ]`,
    "}\n",
  ].join("\n");
}

async function loadSource(file: string | undefined): Promise<{ providers: Provider[]; generatedFrom: string }> {
  if (file) {
    const providers = JSON.parse(await readFile(file, "utf8")) as Provider[];
    if (!Array.isArray(providers)) throw new Error(`${file}: expected an array of providers`);
    return { providers, generatedFrom: path.basename(file) };
  }
  const require = createRequire(import.meta.url);
  const manifest = path.join(path.dirname(require.resolve("@pydantic/genai-prices")), "..", "package.json");
  const { name, version } = JSON.parse(await readFile(manifest, "utf8")) as { name: string; version: string };
  return { providers: (await waitForUpdate()) ?? [], generatedFrom: `${name}@${version}` };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { providers, generatedFrom } = await loadSource(process.argv[2]);
  const catalog = buildCatalog(providers, generatedFrom);
  await writeFile(OUTPUT, render(catalog));
  const count = new Set(catalog.prices.map((p) => p.provider)).size;
  console.log(`${OUTPUT}: ${catalog.prices.length} prices, ${catalog.aliases.length} aliases, ${count} providers`);
}
