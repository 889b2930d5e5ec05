import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { type Action, can, roleMay, teamScope } from "./permissions";

const OWN = "team-own";
const OTHER = "team-other";
const viewer = (role: Role) => ({ role, teamIds: [OWN] });

// [role, action, team, allowed]; team undefined = org-wide
const table: [Role, Action, string | undefined, boolean][] = [
  ["admin", "org.manage", undefined, true],
  ["finance", "org.manage", undefined, false],
  ["team_lead", "org.manage", undefined, false],
  ["viewer", "org.manage", undefined, false],
  ["finance", "budgets.write", undefined, true],
  ["finance", "budgets.write", OTHER, true],
  ["team_lead", "budgets.write", OWN, true],
  ["team_lead", "budgets.write", OTHER, false],
  ["team_lead", "budgets.write", undefined, false],
  ["viewer", "budgets.write", OWN, false],
  ["finance", "prices.write", undefined, true],
  ["team_lead", "prices.write", OWN, false],
  ["viewer", "prices.write", undefined, false],
  ["finance", "audit.read", undefined, true],
  ["finance", "webhooks.manage", undefined, true],
  ["team_lead", "webhooks.manage", undefined, false],
  ["viewer", "webhooks.manage", undefined, false],
  ["team_lead", "audit.read", undefined, false],
  ["admin", "apiKeys.manage", undefined, true],
  ["team_lead", "apiKeys.manage", OWN, true],
  ["team_lead", "apiKeys.manage", OTHER, false],
  ["team_lead", "apiKeys.manage", undefined, false],
  ["viewer", "apiKeys.manage", OWN, false],
  ["viewer", "spend.read", OWN, true],
  ["viewer", "spend.read", OTHER, false],
  ["viewer", "spend.read", undefined, true],
  ["finance", "spend.read", OTHER, true],
  ["finance", "insights.manage", OTHER, true],
  ["team_lead", "insights.manage", OWN, true],
  ["team_lead", "insights.manage", OTHER, false],
  ["viewer", "insights.manage", OWN, false],
  ["finance", "teams.review", OTHER, true],
  ["team_lead", "teams.review", OWN, false],
  ["viewer", "teams.review", OWN, false],
];

describe("can", () => {
  it.each(table)("%s %s on %s → %s", (role, action, team, allowed) => {
    expect(can(viewer(role), action, team)).toBe(allowed);
  });
});

describe("teamScope", () => {
  it("limits team roles to their teams and leaves org-wide roles unlimited", () => {
    expect(teamScope(viewer("admin"))).toBeNull();
    expect(teamScope(viewer("finance"))).toBeNull();
    expect(teamScope(viewer("team_lead"))).toEqual([OWN]);
    expect(teamScope(viewer("viewer"))).toEqual([OWN]);
  });
});

describe("roleMay", () => {
  it("answers for the role alone", () => {
    expect(roleMay(viewer("team_lead"), "budgets.write")).toBe(true);
    expect(roleMay(viewer("viewer"), "budgets.write")).toBe(false);
    expect(roleMay(viewer("finance"), "org.manage")).toBe(false);
  });
});
