import { route } from "@/lib/http/route";
import { getOrganizationSettings, updateTimeZone } from "@/lib/org/update-time-zone";
import { UpdateOrganizationBody } from "@/lib/schemas/organization";

// GET /api/organization: the caller's organisation settings (any member).
export const GET = route({}, async ({ viewer }) => ({ organization: await getOrganizationSettings(viewer.orgId) }));

// PATCH /api/organization: admins change the time zone (audited).
export const PATCH = route({ action: "org.manage", body: UpdateOrganizationBody }, async ({ viewer, body }) => ({
  organization: await updateTimeZone({ orgId: viewer.orgId, actorUserId: viewer.userId, timeZone: body.timeZone }),
}));
