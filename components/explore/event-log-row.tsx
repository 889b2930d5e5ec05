"use client";

import Link from "next/link";
import { Fragment, useId, useState } from "react";
import { entityHref } from "@/components/entity/entity-href";
import { formatCount, formatDateTime, formatMoney } from "@/lib/format";
import type { EventLogEntry } from "@/lib/schemas/events-log";

const BUCKETS: { key: keyof EventLogEntry["tokens"]; label: string }[] = [
  { key: "input", label: "Input (all, cached included)" },
  { key: "cachedInput", label: "Cached input" },
  { key: "cacheWrite", label: "Cache writes" },
  { key: "output", label: "Output (reasoning included)" },
  { key: "reasoning", label: "Reasoning" },
];

/** One event; expands to its price breakdown. An unpriced event shows its cost as unknown, never as $0. */
export function EventLogRow({ event, timeZone }: { event: EventLogEntry; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Fragment>
      <tr>
        <td>
          <button type="button" className="btn-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
            {formatDateTime(event.timestamp, timeZone)}
          </button>
        </td>
        <td>
          <Link href={entityHref("team", event.team)}>{event.team}</Link>
        </td>
        <td>
          <Link href={entityHref("model", event.model)}>{event.model}</Link>
        </td>
        <td>
          <Link href={entityHref("feature", event.feature)}>{event.feature}</Link>
        </td>
        <td>{event.provider}</td>
        <td className="num">{formatCount(event.tokens.input + event.tokens.output)}</td>
        <td className="num">{event.unpriced ? <span className="tag tag-bad">unpriced</span> : formatMoney(event.costUsd)}</td>
      </tr>
      {open && (
        <tr id={id} className="burn-row">
          <td colSpan={7}>
            <dl className="event-breakdown">
              <div>
                <dt>Event</dt>
                <dd>{event.id}</dd>
              </div>
              <div>
                <dt>Priced as</dt>
                <dd>{event.pricedModel ?? "no catalog price found"}</dd>
              </div>
              <div>
                <dt>Cost</dt>
                <dd>
                  ${event.costUsd} ({event.costSource}
                  {event.unpriced ? ", unknown: no price" : ""})
                </dd>
              </div>
              {event.cacheHit && (
                <div>
                  <dt>Saved by cache</dt>
                  <dd>${event.savedUsd}</dd>
                </div>
              )}
              {BUCKETS.map((b) => (
                <div key={b.key}>
                  <dt>{b.label}</dt>
                  <dd>{formatCount(event.tokens[b.key])} tokens</dd>
                </div>
              ))}
              <div>
                <dt>Trace / customer</dt>
                <dd>
                  {event.traceId ?? "—"} / {event.customerId ?? "—"}
                </dd>
              </div>
              <div>
                <dt>Status, latency</dt>
                <dd>
                  {event.status}, {event.latencyMs === null ? "—" : `${event.latencyMs} ms`}
                </dd>
              </div>
            </dl>
          </td>
        </tr>
      )}
    </Fragment>
  );
}
