import type { InsightDto } from "@/lib/schemas/insights";
import { AnomalyEvidence } from "./anomaly-evidence";
import { AnomalyEvidence as AnomalySchema, PromptBloatEvidence as PromptBloatSchema, RedundancyEvidence as RedundancySchema, RightSizeEvidence as RightSizeSchema, RunawayEvidence as RunawaySchema, UnbudgetedEvidence as UnbudgetedSchema } from "./insight-evidence-schemas";
import { Facts } from "./insight-facts";
import type { InsightRangeDays } from "./insights-params";
import { PromptBloatEvidence } from "./prompt-bloat-evidence";
import { RedundancyEvidence } from "./redundancy-evidence";
import { RightSizeEvidence } from "./right-size-evidence";
import { RunawayEvidence } from "./runaway-evidence";
import { UnbudgetedEvidence } from "./unbudgeted-evidence";

/** The kind's evidence, readably; anything unexpected as a plain list of its values. */
export function InsightEvidence({ insight, days }: { insight: InsightDto; days: InsightRangeDays }) {
  const e = insight.evidence;
  switch (insight.kind) {
    case "right_size": {
      const parsed = RightSizeSchema.safeParse(e);
      if (parsed.success) return <RightSizeEvidence evidence={parsed.data} model={insight.model} />;
      break;
    }
    case "redundancy": {
      const parsed = RedundancySchema.safeParse(e);
      if (parsed.success) return <RedundancyEvidence evidence={parsed.data} />;
      break;
    }
    case "runaway_agent": {
      const parsed = RunawaySchema.safeParse(e);
      if (parsed.success) return <RunawayEvidence evidence={parsed.data} action={insight.action} days={days} />;
      break;
    }
    case "anomaly": {
      const parsed = AnomalySchema.safeParse(e);
      if (parsed.success) return <AnomalyEvidence evidence={parsed.data} team={insight.team} feature={insight.feature} />;
      break;
    }
    case "prompt_bloat": {
      const parsed = PromptBloatSchema.safeParse(e);
      if (parsed.success) return <PromptBloatEvidence evidence={parsed.data} />;
      break;
    }
    case "unbudgeted": {
      const parsed = UnbudgetedSchema.safeParse(e);
      if (parsed.success) return <UnbudgetedEvidence evidence={parsed.data} />;
      break;
    }
  }
  return <Facts facts={Object.entries(e).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])} />;
}
