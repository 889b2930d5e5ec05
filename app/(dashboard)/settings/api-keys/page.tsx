import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ApiKeysView } from "@/components/api-keys/api-keys-view";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { seesAllTeams, teamScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/viewer";
import { apiKeysQueryOptions } from "@/lib/queries/api-keys";
import { listTeams } from "@/lib/teams/list-teams";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const viewer = await requirePermission("apiKeys.manage");
  const scope = teamScope(viewer);
  const queryClient = new QueryClient();
  const [teams, apiKeys] = await Promise.all([
    listTeams({ orgId: viewer.orgId, teamIds: scope }),
    listApiKeys({ orgId: viewer.orgId, teamIds: scope }),
  ]);
  queryClient.setQueryData(apiKeysQueryOptions().queryKey, { apiKeys });
  return (
    <>
      <div className="page-header">
        <p>
          <Link href="/settings">Settings</Link> /
        </p>
        <h1>API keys</h1>
        <p>Services authenticate with these keys. Only a hash is stored: a key is shown once, when it is created.</p>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ApiKeysView teams={teams} teamRequired={!seesAllTeams(viewer)} allowAdminScope={seesAllTeams(viewer)} timeZone={viewer.timeZone} />
      </HydrationBoundary>
    </>
  );
}
