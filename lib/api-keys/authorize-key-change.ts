import { can, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";

/**
 * Admins and finance manage every key. A team lead manages only keys bound
 * to one of their teams, and never grants the `admin` scope.
 */
export function assertMayManageKey(viewer: Pick<Viewer, "role" | "teamIds">, key: { teamId: string | null; scopes?: ApiKeyScope[] }): void {
  if (!can(viewer, "apiKeys.manage", key.teamId ?? undefined)) {
    throw new AppError(
      "forbidden",
      viewer.role === "team_lead" ? "Team leads manage only keys bound to one of their own teams." : `Your role (${viewer.role}) may not manage API keys.`,
    );
  }
  if (viewer.role === "team_lead" && key.scopes?.includes("admin")) {
    throw new AppError("forbidden", "Only admins and finance may create keys with the admin scope.");
  }
}
