"use client";

import { useId } from "react";
import { INSIGHT_RANGE_DAYS, type InsightRangeDays } from "./insights-params";

export type TeamOption = { slug: string; name: string };

/** Range presets and the team; each change becomes a new URL (the caller's handlers). */
export function InsightsControls({
  days,
  team,
  teams,
  allTeamsLabel,
  updating,
  onDays,
  onTeam,
}: {
  days: InsightRangeDays;
  team: string | null;
  teams: TeamOption[];
  allTeamsLabel: string;
  updating: boolean;
  onDays: (days: InsightRangeDays) => void;
  onTeam: (team: string | null) => void;
}) {
  const id = useId();
  const known = team === null || teams.some((t) => t.slug === team);
  return (
    <div className="card roi-controls insights-controls">
      <div className="field">
        <span className="insights-control-label" id={`${id}-range`}>
          Range
        </span>
        <div className="insights-presets" role="group" aria-labelledby={`${id}-range`}>
          {INSIGHT_RANGE_DAYS.map((d) => (
            <button key={d} className="btn" type="button" aria-pressed={d === days} onClick={() => onDays(d)}>
              Last {d} days
            </button>
          ))}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>Team</label>
        <select id={`${id}-team`} value={team ?? ""} onChange={(e) => onTeam(e.target.value || null)}>
          <option value="">{allTeamsLabel}</option>
          {!known && team && <option value={team}>{team}</option>}
          {teams.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {updating && (
        <p className="muted" role="status">
          Updating…
        </p>
      )}
    </div>
  );
}
