import { redirect } from "next/navigation";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { auth } from "./config";
import { type Action, can, roleMay, type Viewer } from "./permissions";

/** The signed-in user with their organisation, role and teams, or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const membership = await prisma().membership.findFirst({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: { user: true, org: true, teams: { select: { teamId: true } } },
  });
  if (!membership) return null;
  return {
    userId,
    email: membership.user.email,
    name: membership.user.name,
    orgId: membership.orgId,
    orgSlug: membership.org.slug,
    orgName: membership.org.name,
    timeZone: membership.org.timeZone,
    role: membership.role,
    teamIds: membership.teams.map((t) => t.teamId),
  };
});

/** For pages: sends anonymous visitors to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}

/**
 * For pages: the viewer, or the "not allowed" page when the role may never do
 * `action`. Team-limited roles then see only their own teams on the page.
 */
export async function requirePermission(action: Action): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!roleMay(viewer, action)) redirect("/forbidden");
  return viewer;
}

/** For route handlers: throws 401 / 403 as AppError. */
export async function viewerOrThrow(action?: Action, teamId?: string | null): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthenticated", "Sign in to use this endpoint.");
  if (action && !can(viewer, action, teamId)) {
    throw new AppError("forbidden", `Your role (${viewer.role}) may not do this${teamId ? " for this team" : ""}.`);
  }
  return viewer;
}
