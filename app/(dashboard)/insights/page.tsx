import { NotBuiltYet } from "@/components/shell/not-built";
import { requirePermission } from "@/lib/auth/viewer";

export const metadata = { title: "Insights" };

export default async function InsightsPage() {
  await requirePermission("spend.read");
  return <NotBuiltYet title="Insights" what="Where to save: right-sizing, caching, runaway agents, anomalies, prompt bloat and spend no budget covers, each with its monthly dollars." />;
}
