// The sign-ins of the demo organisation, one per role. Only the lead's team
// has a team lead, so "a lead sees only their team" can be checked against
// the other teams. Passwords are set when a user is created, never reset.
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { DemoTeamSlug } from "./demo-catalog";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; teams: readonly DemoTeamSlug[] }> = [
  { email: "admin@demo.local", name: "Ada Admin", role: "admin", teams: [] },
  { email: "finance@demo.local", name: "Fiona Finance", role: "finance", teams: [] },
  { email: "lead@demo.local", name: "Leo Lead", role: "team_lead", teams: ["support"] },
  { email: "viewer@demo.local", name: "Vera Viewer", role: "viewer", teams: ["search", "growth"] },
];

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || "demo-password";
}

/** Creates the demo users and their memberships if missing; returns how many users the org has among them. */
export async function seedDemoUsers(orgId: string, teamIds: ReadonlyMap<string, string>): Promise<number> {
  const db = prisma();
  for (const spec of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: spec.email }, select: { id: true } });
    const user =
      existing ??
      (await db.user.create({
        data: { email: spec.email, name: spec.name, passwordHash: await hashPassword(demoPassword()) },
        select: { id: true },
      }));
    await db.membership.upsert({
      where: { orgId_userId: { orgId, userId: user.id } },
      create: { orgId, userId: user.id, role: spec.role },
      update: { role: spec.role },
    });
    await db.membershipTeam.createMany({
      data: spec.teams.map((slug) => ({ orgId, userId: user.id, teamId: teamIds.get(slug)! })),
      skipDuplicates: true,
    });
  }
  return DEMO_USERS.length;
}
