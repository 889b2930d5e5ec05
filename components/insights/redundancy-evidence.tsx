import type { z } from "zod";
import { formatCount, formatMoney } from "@/lib/format";
import { percent } from "./evidence-format";
import { Facts } from "./insight-facts";
import type { RedundancyEvidence as Evidence } from "./insight-evidence-schemas";

/** How often prompts repeat, and how much of it a cache answers today. */
export function RedundancyEvidence({ evidence }: { evidence: z.infer<typeof Evidence> }) {
  const facts: [string, string][] = [
    ["Repeated prompts", `${percent(evidence.repeatedShare)} (${formatCount(evidence.repeatedCalls)} of ${formatCount(evidence.hashedCalls)} calls, last ${evidence.windowDays} days)`],
    ["Exact-match cache would save", `${formatMoney(evidence.exactCacheMonthlySavingsUsd)} a month`],
    ["Answered from the cache today", `${formatCount(evidence.cacheHits)} calls, ${formatMoney(evidence.cacheMonthlySavedUsd)} a month saved`],
    ["Provider prompt caching uptake", evidence.promptCachingUptake === null ? "not offered for these models" : `${percent(evidence.promptCachingUptake)} of input`],
  ];
  return <Facts facts={facts} />;
}
