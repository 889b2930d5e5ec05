import { NotBuiltYet } from "@/components/shell/not-built";
import { requirePermission } from "@/lib/auth/viewer";

export const metadata = { title: "Explore" };

export default async function ExplorePage() {
  await requirePermission("spend.read");
  return <NotBuiltYet title="Explore" what="Break spend down by team, model, feature, provider or customer over any period, drill down to single events and export CSV." />;
}
