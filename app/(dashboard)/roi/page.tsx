import { NotBuiltYet } from "@/components/shell/not-built";
import { requirePermission } from "@/lib/auth/viewer";

export const metadata = { title: "ROI" };

export default async function RoiPage() {
  await requirePermission("spend.read");
  return <NotBuiltYet title="ROI per token" what="Business value bought per token and per dollar, cost per outcome, and the cheapest model that does each job." />;
}
