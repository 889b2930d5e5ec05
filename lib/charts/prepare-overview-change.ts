// How a change against the previous period reads (pure). A null percentage
// means there was nothing before: "new", never "+∞%" or "+0%".

export type ChangeBadge = { text: string; tone: "up" | "down" | "flat" };

export function prepareOverviewChange(changePct: number | null, changeUsd?: string): ChangeBadge {
  if (changePct === null) {
    return changeUsd !== undefined && /^0(\.0*)?$/.test(changeUsd) ? { text: "no change", tone: "flat" } : { text: "new", tone: "up" };
  }
  if (changePct === 0) return { text: "±0%", tone: "flat" };
  const sign = changePct > 0 ? "+" : "−";
  return { text: `${sign}${Math.abs(changePct).toFixed(1)}%`, tone: changePct > 0 ? "up" : "down" };
}
