// The price in force for a (provider, model) at a timestamp, from catalog rows
// and an organisation's overrides. Resolution contract:
// - Names compare case-insensitively. Within a provider a name is a catalog
//   model, else an exact alias, else it is retried in these shapes, in order:
//   without snapshot suffixes (`:0`, `@20241022`, `-v2`, `-latest`,
//   `-2024-07-18`, `-20241022`, `-0613`, `-001`), each also with `-latest`
//   appended; then the same after dropping a qualifier (`openai/`, `models/`,
//   Bedrock `us.` and `anthropic.`). Fine-tuned `ft:` names are not stripped:
//   they cost more than their base model, so they stay unpriced.
// - A known provider (see providerId) without a price for the model falls
//   back to the model's vendors (VENDORS). Without a provider, or with an
//   unknown one, `vendor/model` asks that vendor first; then the
//   organisation's overrides in force (any provider), the vendors, and every
//   other provider (HOSTS first, then by name) are searched in turn.
// - At a provider, an override in force (latest effectiveFrom <= at) wins
//   over the catalog; otherwise the catalog row in force. A name with no
//   price in force at `at` is not found: unknown models resolve to null.
// - `at` only decides which rows have started, so every resolution is the
//   same throughout a span in which no row of the book starts (unchangedAround).
import { parseUsd } from "@/lib/money";
import catalogJson from "@/lib/pricing/catalog.json";
import type { ModelPrice, PriceQuery } from "@/lib/pricing/types";

/** A catalog or override row: prices are decimal strings per million tokens. */
export type PriceRow = {
  provider: string;
  model: string;
  effectiveFrom: string | Date;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string | null;
  cacheWritePerMTok: string | null;
  reasoningPerMTok: string | null;
};
export type AliasRow = { provider: string; alias: string; model: string };
export type Catalog = { source: string; generatedFrom: string; prices: PriceRow[]; aliases: AliasRow[] };

const VENDORS = ["openai", "anthropic", "google", "mistral", "deepseek", "x-ai", "cohere", "moonshotai", "zhipuai", "minimax"];
const HOSTS = ["aws", "azure", "groq", "together", "fireworks"];
/** Other spellings (compacted: lower case, letters and digits only), OpenTelemetry's included. */
const PROVIDER_SYNONYMS: Record<string, string> = {
  azureopenai: "azure", azureai: "azure", azureaiopenai: "azure", azureaiinference: "azure",
  gemini: "google", googlegenai: "google", googleaistudio: "google", vertex: "google", vertexai: "google",
  googlevertex: "google", googlevertexai: "google", gcpvertexai: "google", gcpgemini: "google", gcpgenai: "google",
  bedrock: "aws", awsbedrock: "aws", amazon: "aws", amazonbedrock: "aws",
  mistralai: "mistral", grok: "x-ai", togetherai: "together", fireworksai: "fireworks", moonshot: "moonshotai", zhipu: "zhipuai",
};
const QUALIFIERS = [/^[^/]+\//, /^[a-z]+\./];
const SNAPSHOTS = [/:\d+$/, /@[^@]*$/, /-v\d+$/, /-latest$/, /-\d{4}-\d{2}-\d{2}$/, /-20\d{6}$/, /-(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/, /-\d{3}$/];

type History = { catalog: ModelPrice[]; override: ModelPrice[] };
type ProviderIndex = { models: Map<string, History>; aliases: Map<string, string> };

const compact = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

function strip(rules: RegExp[], name: string): string | null {
  const rule = rules.find((r) => r.test(name));
  return (rule && name.replace(rule, "")) || null;
}

/** The name, then its shapes without snapshot suffixes and qualifiers (see the contract). */
function variants(name: string): string[] {
  const out: string[] = [];
  for (let base: string | null = name; base; base = strip(QUALIFIERS, base)) {
    for (let v: string | null = base; v; v = strip(SNAPSHOTS, v)) out.push(v);
  }
  return out;
}

function inForce(history: ModelPrice[], at: Date): ModelPrice | null {
  for (let i = history.length - 1; i >= 0; i--) if (history[i].effectiveFrom <= at) return history[i];
  return null;
}

const nanos = (value: string | null) => (value === null ? null : parseUsd(value));

export class PriceBook {
  private readonly providers = new Map<string, ProviderIndex>();
  private readonly ids = new Map<string, string>();
  private readonly overrideProviders: string[];
  private readonly vendors: string[];
  private readonly others: string[];
  /** Every instant (ms) at which a catalog row or an override starts, ascending. */
  private readonly starts: number[];

  constructor(catalog: { prices: readonly PriceRow[]; aliases: readonly AliasRow[] }, overrides: readonly PriceRow[] = []) {
    for (const row of catalog.prices) this.add(row.provider.toLowerCase(), row, "catalog");
    for (const row of overrides) this.add(this.providerId(row.provider) ?? row.provider.toLowerCase(), row, "override");
    for (const a of catalog.aliases) this.providers.get(a.provider.toLowerCase())?.aliases.set(a.alias.toLowerCase(), a.model.toLowerCase());
    for (const { models } of this.providers.values()) {
      for (const h of models.values()) for (const list of [h.catalog, h.override]) list.sort((a, b) => +a.effectiveFrom - +b.effectiveFrom);
    }
    this.starts = [...new Set([...catalog.prices, ...overrides].map((r) => new Date(r.effectiveFrom).getTime()))].sort((a, b) => a - b);
    const known = (ids: string[]) => ids.filter((id) => this.providers.has(id));
    this.overrideProviders = [...new Set(overrides.map((r) => this.providerId(r.provider) ?? r.provider.toLowerCase()))];
    this.vendors = known(VENDORS);
    this.others = [...known(HOSTS), ...[...this.providers.keys()].filter((id) => !VENDORS.includes(id) && !HOSTS.includes(id)).sort()];
  }

  /** The book built from lib/pricing/catalog.json (no overrides unless given). */
  static fromCatalogFile(overrides: readonly PriceRow[] = []): PriceBook {
    return new PriceBook(catalogJson as Catalog, overrides);
  }

  /** The provider id of the book for a provider name or synonym, else null. */
  providerId(name: string): string | null {
    const key = compact(name);
    const id = this.ids.get(key) ?? PROVIDER_SYNONYMS[key];
    return id && this.providers.has(id) ? id : null;
  }

  /**
   * The span [from, until) in ms around `at` in which no price of the book
   * starts: any resolution at `at` holds throughout it, to the millisecond.
   */
  unchangedAround(at: Date): { from: number; until: number } {
    const t = at.getTime();
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return { from: lo > 0 ? this.starts[lo - 1] : -Infinity, until: lo < this.starts.length ? this.starts[lo] : Infinity };
  }

  resolve({ provider, model, at }: PriceQuery): ModelPrice | null {
    const name = model.trim().toLowerCase();
    if (!name) return null;
    const names = variants(name);
    const id = provider ? this.providerId(provider) : null;
    if (id) return this.search([id], names, at) ?? this.search(this.vendors, names, at);
    const slash = name.indexOf("/");
    const named = slash > 0 ? this.providerId(name.slice(0, slash)) : null;
    const direct = named ? this.search([named], variants(name.slice(slash + 1)), at) : null;
    return (
      direct ??
      this.search(this.overrideProviders, names, at, true) ??
      this.search(this.vendors, names, at) ??
      this.search(this.others, names, at)
    );
  }

  private search(providers: readonly string[], names: readonly string[], at: Date, overridesOnly = false): ModelPrice | null {
    for (const v of names) {
      for (const id of providers) {
        const latest = v.endsWith("-latest") ? null : `${v}-latest`;
        const price = this.priceAt(id, v, at, overridesOnly) ?? (latest && this.priceAt(id, latest, at, overridesOnly));
        if (price) return price;
      }
    }
    return null;
  }

  private priceAt(providerId: string, name: string, at: Date, overridesOnly: boolean): ModelPrice | null {
    const index = this.providers.get(providerId);
    const alias = index?.aliases.get(name);
    const history = index?.models.get(name) ?? (alias === undefined ? undefined : index?.models.get(alias));
    if (!history) return null;
    return inForce(history.override, at) ?? (overridesOnly ? null : inForce(history.catalog, at));
  }

  private add(provider: string, row: PriceRow, source: ModelPrice["source"]): void {
    if (!this.providers.has(provider)) this.providers.set(provider, { models: new Map(), aliases: new Map() });
    this.ids.set(compact(provider), provider);
    const models = this.providers.get(provider)!.models;
    const key = row.model.toLowerCase();
    const history = models.get(key) ?? { catalog: [], override: [] };
    models.set(key, history);
    history[source].push({
      provider,
      model: history.catalog[0]?.model ?? history.override[0]?.model ?? row.model,
      effectiveFrom: new Date(row.effectiveFrom),
      inputPerMTok: parseUsd(row.inputPerMTok),
      outputPerMTok: parseUsd(row.outputPerMTok),
      cachedInputPerMTok: nanos(row.cachedInputPerMTok),
      cacheWritePerMTok: nanos(row.cacheWritePerMTok),
      reasoningPerMTok: nanos(row.reasoningPerMTok),
      source,
    });
  }
}
