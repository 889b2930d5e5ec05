import Link from "next/link";
import type { z } from "zod";
import { formatMoney } from "@/lib/format";
import { times } from "./evidence-format";
import type { AnomalyEvidence as Evidence } from "./insight-evidence-schemas";
import { exploreDayHref } from "./insights-params";
import { Facts } from "./insight-facts";

const DRIVERS = { volume: "more calls (volume)", prompt_growth: "longer prompts", model_switch: "dearer tokens (model switch)" } as const;

function driverText(e: z.infer<typeof Evidence>): string {
  const ratio = e.driver === "volume" ? e.volumeRatio : e.driver === "prompt_growth" ? e.inputPerCallRatio : e.costPerTokenRatio;
  const model = e.driver === "model_switch" && e.model ? `, ${e.model} taking a larger share` : "";
  return `${DRIVERS[e.driver]}${ratio !== undefined ? `: ${times(ratio)} the usual` : ""}${model}`;
}

/** The day against its baseline, what drove it, and every abnormal day of the range. */
export function AnomalyEvidence({ evidence, team, feature }: { evidence: z.infer<typeof Evidence>; team: string | null; feature?: string }) {
  const facts: [string, string][] = [
    ["Day (UTC)", evidence.day],
    ["Cost vs baseline", `${formatMoney(evidence.costUsd)} against a usual ${formatMoney(evidence.baselineCostUsd)} a day (+${formatMoney(evidence.excessUsd)}, ${evidence.robustZ.toFixed(0)} robust σ)`],
    ["Driver", driverText(evidence)],
  ];
  if (evidence.abnormalDays.length > 1) {
    facts.push(["Abnormal days", evidence.abnormalDays.map((d) => `${d.day} (+${formatMoney(d.excessUsd)})`).join(", ")]);
  }
  const filters = { ...(team ? { team } : {}), ...(feature ? { feature } : {}) };
  return (
    <>
      <Facts facts={facts} />
      <p>
        <Link href={exploreDayHref(evidence.day, filters)}>Open {evidence.day} in Explore</Link>
      </p>
    </>
  );
}
