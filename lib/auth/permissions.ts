// Who may do what (pure: unit-tested with a table). The server checks these
// on every page and route; hiding a button in the UI is never the check.
//   admin      everything, including members and organisation settings
//   finance    sees every team, sets any budget and price, reads the audit log
//   team_lead  sees and budgets their own teams; keys for their own teams
//   viewer     reads their own teams
import type { Role } from "@/lib/generated/prisma/enums";

export type Viewer = {
  userId: string;
  email: string;
  name: string;
  orgId: string;
  orgSlug: string;
  orgName: string;
  timeZone: string;
  role: Role;
  /** Teams a team lead leads or a viewer reads; ignored for org-wide roles. */
  teamIds: string[];
};

export type Action =
  | "spend.read"
  | "budgets.write"
  | "apiKeys.manage"
  | "prices.write"
  | "audit.read"
  | "insights.manage"
  | "teams.review"
  | "webhooks.manage"
  | "org.manage";

const ORG_WIDE: ReadonlySet<Role> = new Set(["admin", "finance"]);

const ALLOWED: Record<Action, ReadonlySet<Role>> = {
  "spend.read": new Set(["admin", "finance", "team_lead", "viewer"]),
  "budgets.write": new Set(["admin", "finance", "team_lead"]),
  "apiKeys.manage": new Set(["admin", "finance", "team_lead"]),
  "prices.write": new Set(["admin", "finance"]),
  "audit.read": new Set(["admin", "finance"]),
  /** Dismiss and restore insights (a team lead: their own teams' only). */
  "insights.manage": new Set(["admin", "finance", "team_lead"]),
  /** Mark a team created by ingest as reviewed. */
  "teams.review": new Set(["admin", "finance"]),
  /** Webhooks for alerts, their secrets and delivery log. */
  "webhooks.manage": new Set(["admin", "finance"]),
  "org.manage": new Set(["admin"]),
};

export function seesAllTeams(viewer: Pick<Viewer, "role">): boolean {
  return ORG_WIDE.has(viewer.role);
}

/** May the viewer's role do `action` at all (on some team at least)? */
export function roleMay(viewer: Pick<Viewer, "role">, action: Action): boolean {
  return ALLOWED[action].has(viewer.role);
}

/**
 * May the viewer do `action`, optionally on one team? Team-limited roles may
 * act only inside their own teams; an action with no team means org-wide.
 */
export function can(viewer: Pick<Viewer, "role" | "teamIds">, action: Action, teamId?: string | null): boolean {
  if (!roleMay(viewer, action)) return false;
  if (seesAllTeams(viewer)) return true;
  if (teamId === undefined && action === "spend.read") return true; // scoped to own teams by the query
  return teamId != null && viewer.teamIds.includes(teamId);
}

/** Team ids a query must be limited to, or null for every team. */
export function teamScope(viewer: Pick<Viewer, "role" | "teamIds">): string[] | null {
  return seesAllTeams(viewer) ? null : viewer.teamIds;
}
