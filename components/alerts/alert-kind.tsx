import type { AlertDto } from "@/lib/schemas/alerts";

/** "80%" for a threshold, "cap" (100%) or "cap 150%" for caps; red for caps. */
export function AlertKindTag({ alert }: { alert: Pick<AlertDto, "kind" | "payload" | "threshold"> }) {
  const budgetPercent = alert.payload && "percent" in alert.payload ? alert.payload.percent : null;
  const percent = budgetPercent ?? (alert.threshold !== null ? Math.round(alert.threshold * 1000) / 10 : null);
  if (alert.kind === "cap") return <span className="tag tag-bad">{percent !== null && percent !== 100 ? `cap ${percent}%` : "cap"}</span>;
  if (alert.kind === "threshold") return <span className="tag">{percent !== null ? `${percent}%` : "threshold"}</span>;
  return <span className="tag">{alert.kind.replace("_", " ")}</span>;
}
