/** A decimal string without trailing zeros: "2.500000000" → "2.5". */
export function trimDecimal(decimal: string): string {
  return decimal.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}

/** A per-million-token price in dollars; a null bucket says how it is charged instead. */
export function PriceText({ value, fallback }: { value: string | null; fallback?: string }) {
  if (value === null) return <span className="muted">{fallback ?? "—"}</span>;
  return <>${trimDecimal(value)}</>;
}

const EPOCH = "1970-01-01T00:00:00.000Z";

/** Effective-from instants are UTC in the form and the API, so they are shown in UTC too. */
function EffectiveFrom({ iso }: { iso: string }) {
  if (iso === EPOCH) return <span className="muted" style={{ whiteSpace: "nowrap" }}>from the start</span>;
  const text = iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 16).replace("T", " ");
  return (
    <time dateTime={iso} style={{ whiteSpace: "nowrap" }}>
      {text} UTC
    </time>
  );
}

type PriceRow = {
  provider: string;
  model: string;
  effectiveFrom: string;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string | null;
  cacheWritePerMTok: string | null;
  reasoningPerMTok: string | null;
};

/** The columns a catalog and an override row share: provider, model, effective from and the five prices. */
export function PriceCells({ row }: { row: PriceRow }) {
  return (
    <>
      <td>{row.provider}</td>
      <td>
        <code>{row.model}</code>
      </td>
      <td>
        <EffectiveFrom iso={row.effectiveFrom} />
      </td>
      <td className="num">
        <PriceText value={row.inputPerMTok} />
      </td>
      <td className="num">
        <PriceText value={row.outputPerMTok} />
      </td>
      <td className="num">
        <PriceText value={row.cachedInputPerMTok} fallback="as input" />
      </td>
      <td className="num">
        <PriceText value={row.cacheWritePerMTok} fallback="as input" />
      </td>
      <td className="num">
        <PriceText value={row.reasoningPerMTok} fallback="as output" />
      </td>
    </>
  );
}

/** The headers of PriceCells. */
export function PriceHeaders() {
  return (
    <>
      <th scope="col">Provider</th>
      <th scope="col">Model</th>
      <th scope="col">Effective from</th>
      <th scope="col" className="num">Input</th>
      <th scope="col" className="num">Output</th>
      <th scope="col" className="num">Cached input</th>
      <th scope="col" className="num">Cache write</th>
      <th scope="col" className="num">Reasoning</th>
    </>
  );
}
