import { prisma } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { AlertDto } from "@/lib/schemas/alerts";
import { alertVisibility } from "./alert-visibility";
import { toAlertDto } from "./to-alert-dto";

type Cursor = { createdAt: Date; id: string };

function encodeCursor(alert: AlertDto): string {
  return Buffer.from(JSON.stringify([alert.createdAt, alert.id])).toString("base64url");
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString()) as [string, string];
    const at = new Date(createdAt);
    if (typeof id === "string" && !Number.isNaN(at.getTime())) return { createdAt: at, id };
  } catch {
    // reported below
  }
  throw new AppError("bad_request", "cursor is not one this endpoint returned.", [{ path: "cursor", message: "invalid cursor" }]);
}

/** Alerts the caller may see, newest first, one page at a time. */
export async function listAlerts(input: {
  orgId: string;
  teamIds: string[] | null;
  status: "open" | "all";
  limit: number;
  cursor?: string;
}): Promise<{ alerts: AlertDto[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await prisma().alert.findMany({
    where: {
      ...(await alertVisibility(prisma(), input.orgId, input.teamIds)),
      ...(input.status === "open" ? { acknowledgedAt: null } : {}),
      ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
  });
  const alerts = rows.slice(0, input.limit).map(toAlertDto);
  return { alerts, nextCursor: rows.length > input.limit ? encodeCursor(alerts[alerts.length - 1]) : null };
}
