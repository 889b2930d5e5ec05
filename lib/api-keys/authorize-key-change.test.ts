import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ApiKeyScope } from "@/lib/schemas/api-keys";
import { assertMayManageKey } from "./authorize-key-change";

const as = (role: Role) => ({ role, teamIds: ["own"] });

describe("assertMayManageKey", () => {
  it.each<[Role, string | null, ApiKeyScope[], boolean]>([
    ["admin", null, ["admin"], true],
    ["finance", "other", ["ingest"], true],
    ["team_lead", "own", ["ingest", "policy"], true],
    ["team_lead", "own", ["admin"], false],
    ["team_lead", "other", ["ingest"], false],
    ["team_lead", null, ["ingest"], false],
    ["viewer", "own", ["ingest"], false],
  ])("%s on team %s with %j → %s", (role, teamId, scopes, allowed) => {
    const attempt = () => assertMayManageKey(as(role), { teamId, scopes });
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});
