import { prepareOverviewChange } from "@/lib/charts/prepare-overview-change";

/** A change against the previous period; rising spend reads as a warning. */
export function ChangeBadge({ changePct, changeUsd }: { changePct: number | null; changeUsd?: string }) {
  const change = prepareOverviewChange(changePct, changeUsd);
  const tone = change.tone === "up" ? "tag-warn" : change.tone === "down" ? "tag-good" : "";
  return <span className={`tag ${tone}`}>{change.text}</span>;
}
