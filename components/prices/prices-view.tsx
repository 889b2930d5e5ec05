"use client";

import { useState } from "react";
import type { CatalogPriceDto, CreatePriceOverrideResponse, UnpricedModelDto } from "@/lib/schemas/prices";
import { CatalogSearch } from "./catalog-search";
import { CreateOverrideForm, type OverrideDraft } from "./create-override-form";
import { OverridesTable } from "./overrides-table";
import { trimDecimal } from "./price-cells";
import { UnpricedPanel } from "./unpriced-panel";

/** The UTC day an instant falls on, as the form's date-time: a price from then covers the whole day. */
function startOfUtcDay(iso: string): string {
  return `${iso.slice(0, 10)}T00:00:00Z`;
}

function fromUnpriced(model: UnpricedModelDto): OverrideDraft {
  return { provider: model.provider, model: model.model, effectiveFrom: startOfUtcDay(model.firstSeen) };
}

function fromCatalog(price: CatalogPriceDto): OverrideDraft {
  const value = (decimal: string | null) => (decimal === null ? "" : trimDecimal(decimal));
  return {
    provider: price.provider,
    model: price.model,
    inputPerMTok: value(price.inputPerMTok),
    outputPerMTok: value(price.outputPerMTok),
    cachedInputPerMTok: value(price.cachedInputPerMTok),
    cacheWritePerMTok: value(price.cacheWritePerMTok),
    reasoningPerMTok: value(price.reasoningPerMTok),
  };
}

function savedMessage({ override, repricedEvents, repricingComplete }: CreatePriceOverrideResponse): string {
  const events = `${repricedEvents} unpriced event${repricedEvents === 1 ? "" : "s"} re-priced`;
  const rest = repricingComplete ? "" : "; the remaining ones are being re-priced in the background";
  return `Override added for ${override.provider}/${override.model}: ${events}${rest}.`;
}

export function PricesView({ timeZone }: { timeZone: string }) {
  // Each pre-fill remounts the form with new default values.
  const [draft, setDraft] = useState<{ values: OverrideDraft; version: number; focus: boolean }>({ values: {}, version: 0, focus: false });
  const [saved, setSaved] = useState<string | null>(null);
  const prefill = (values: OverrideDraft) => {
    setSaved(null);
    setDraft((d) => ({ values, version: d.version + 1, focus: true }));
  };

  return (
    <>
      <section className="card" aria-labelledby="unpriced-heading">
        <h2 id="unpriced-heading">Models without a price</h2>
        <UnpricedPanel timeZone={timeZone} onAddPrice={(model) => prefill(fromUnpriced(model))} />
      </section>
      <section className="card" aria-labelledby="new-override-heading">
        <h2 id="new-override-heading">Add a price override</h2>
        <p className="muted">
          An override wins over the catalog for your organisation from its effective date on. It prices new events and the unpriced events it covers;
          events already priced keep their cost.
        </p>
        <p role="status" className="success-text">
          {saved}
        </p>
        <CreateOverrideForm
          key={draft.version}
          initial={draft.values}
          focusFirstEmpty={draft.focus}
          onCreated={(result) => {
            setDraft((d) => ({ values: {}, version: d.version + 1, focus: false }));
            setSaved(savedMessage(result));
          }}
        />
      </section>
      <section className="card" aria-labelledby="overrides-heading">
        <h2 id="overrides-heading">Your overrides</h2>
        <OverridesTable timeZone={timeZone} />
      </section>
      <section className="card" aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">Public catalog</h2>
        <CatalogSearch onOverride={(price) => prefill(fromCatalog(price))} />
      </section>
    </>
  );
}
