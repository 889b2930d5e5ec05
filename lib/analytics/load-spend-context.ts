import { pool } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { SpendInterval } from "@/lib/schemas/spend";

export type SpendContext = {
  timeZone: string;
  /** Id of the team named by slug, or null when there is no such team. */
  teamId: string | null;
  /** Start of every bucket that meets [from, to), ascending; the first may precede `from`. */
  bucketStarts: Date[];
};

// Every bucket meeting [from, to) holds one of these sample instants: buckets
// inside the range are longer than the step (hours of a half-hour DST shift
// last 30 minutes, days at least 23 hours, weeks and months over a day), and
// the first and last hold `from` and the last instant before `to`.
const STEP: Record<SpendInterval, string> = { hour: "15 minutes", day: "1 hour", week: "1 day", month: "1 day" };

/**
 * The organisation's time zone, the team a filter names, and the bucket
 * starts computed by PostgreSQL's own date_trunc(interval, ts, zone), so the
 * labels of zero-filled points are exactly those the aggregates get.
 */
export async function loadSpendContext(input: {
  orgId: string;
  teamSlug: string | null;
  from: Date;
  to: Date;
  interval: SpendInterval;
}): Promise<SpendContext> {
  const { rows } = await pool().query<{ time_zone: string; team_id: string | null; starts: Date[] }>(
    `SELECT o.time_zone, t.id AS team_id,
            ARRAY(SELECT DISTINCT date_trunc($3, g, o.time_zone)
                    FROM (SELECT generate_series($4::timestamptz, $5::timestamptz - interval '1 millisecond', $6::interval)
                          UNION ALL SELECT $5::timestamptz - interval '1 millisecond') s(g)
                   ORDER BY 1) AS starts
       FROM organizations o
       LEFT JOIN teams t ON t.org_id = o.id AND t.slug = $2
      WHERE o.id = $1`,
    [input.orgId, input.teamSlug, input.interval, input.from, input.to, STEP[input.interval]],
  );
  const row = rows[0];
  if (!row) throw new AppError("not_found", "The organisation does not exist.");
  return { timeZone: row.time_zone, teamId: row.team_id, bucketStarts: row.starts };
}
