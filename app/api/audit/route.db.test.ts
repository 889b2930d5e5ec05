// GET /api/audit: finance and admins only; cursor errors are 422.
import { describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/permissions";
import { ListAuditLogResponse } from "@/lib/schemas/audit";
import { makeOrg } from "@/tests/factories";
import { session, viewer } from "@/tests/route-session";
import { GET } from "./route";

vi.mock("@/lib/auth/viewer", () => import("@/tests/route-session"));

async function get(query = ""): Promise<{ status: number; body: { error?: { code: string } } }> {
  const res = await GET(new Request(`http://localhost/api/audit${query}`), { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

describe("GET /api/audit", () => {
  it.each<[Viewer["role"], number]>([
    ["finance", 200],
    ["admin", 200],
    ["team_lead", 403],
    ["viewer", 403],
  ])("%s → %i", async (role, status) => {
    const { org } = await makeOrg();
    session.viewer = viewer(org.id, role);
    const res = await get();
    expect(res.status).toBe(status);
    if (status === 200) expect(ListAuditLogResponse.parse(res.body)).toEqual({ entries: [], nextCursor: null });
  });

  it("refuses a forged cursor and a limit out of range (422), and anonymous callers (401)", async () => {
    const { org } = await makeOrg();
    expect((await get()).status).toBe(401);
    session.viewer = viewer(org.id, "finance");
    expect(await get("?cursor=forged")).toMatchObject({ status: 422, body: { error: { code: "validation_failed" } } });
    expect((await get("?limit=1000")).status).toBe(422);
  });
});
