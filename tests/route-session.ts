// The session of route tests: next-auth does not load under vitest, so a test
// file replaces the session lookup with this module,
//   vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));
// and signs in by setting session.viewer. Every test starts signed out.
import { beforeEach } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/http/errors";

export const session = { viewer: null as Viewer | null };

beforeEach(() => {
  session.viewer = null;
});

/** Stands in for lib/auth/viewer's: the viewer the test set, or 401. */
export async function viewerOrThrow(): Promise<Viewer> {
  if (!session.viewer) throw new AppError("unauthenticated", "Sign in to use this endpoint.");
  return session.viewer;
}

export function viewer(orgId: string, role: Viewer["role"], teamIds: string[] = []): Viewer {
  return { userId: "u1", email: "u@example.test", name: "U", orgId, orgSlug: "o", orgName: "O", timeZone: "UTC", role, teamIds };
}
