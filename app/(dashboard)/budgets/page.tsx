import { NotBuiltYet } from "@/components/shell/not-built";
import { requirePermission } from "@/lib/auth/viewer";

export const metadata = { title: "Budgets" };

export default async function BudgetsPage() {
  await requirePermission("spend.read");
  return <NotBuiltYet title="Budgets" what="Set caps per organisation, team, feature, model or API key, with alerts and agent guards, enforced by the policy endpoint before each LLM call." />;
}
