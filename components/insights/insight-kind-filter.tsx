import type { InsightDto } from "@/lib/schemas/insights";
import { type InsightKind, KIND_LABELS, KINDS } from "./insight-kinds";

/** Toggle buttons: all kinds, or one; kinds with no finding are left out unless chosen. */
export function InsightKindFilter({ insights, kind, onChange }: { insights: InsightDto[]; kind: InsightKind | null; onChange: (kind: InsightKind | null) => void }) {
  const count = (k: InsightKind) => insights.filter((i) => i.kind === k).length;
  const kinds = KINDS.filter((k) => k === kind || count(k) > 0);
  return (
    <div className="insights-kind-filter" role="group" aria-label="Filter by kind">
      <button className="btn" type="button" aria-pressed={kind === null} onClick={() => onChange(null)}>
        All ({insights.length})
      </button>
      {kinds.map((k) => (
        <button key={k} className="btn" type="button" aria-pressed={kind === k} onClick={() => onChange(k)}>
          {KIND_LABELS[k]} ({count(k)})
        </button>
      ))}
    </div>
  );
}
