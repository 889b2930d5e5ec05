"use client";

import { useId, useRef, useState } from "react";
import { formatMoney } from "@/lib/format";
import type { InsightDto } from "@/lib/schemas/insights";
import { DismissInsightForm } from "./dismiss-insight-form";
import { InsightChips } from "./insight-chips";
import { InsightEvidence } from "./insight-evidence";
import { KIND_LABELS, KIND_TONE } from "./insight-kinds";
import type { InsightRangeDays } from "./insights-params";
import { ReviewTeamAction } from "./review-team-action";
import { SuggestedBudgetAction } from "./suggested-budget-action";

export type InsightPermissions = { manage: boolean; reviewTeams: boolean; writeBudgets: boolean };

/** The dollars an insight is ranked by: its monthly savings, else what is at stake. */
function Dollars({ insight }: { insight: InsightDto }) {
  const savings = insight.monthlySavingsUsd !== undefined;
  return (
    <div className="insight-dollars">
      <div className="stat-value">{formatMoney(savings ? insight.monthlySavingsUsd : insight.usdAtStake)}</div>
      <div className="stat-label">{savings ? "monthly savings" : "at stake"}</div>
    </div>
  );
}

export function InsightCard({
  insight,
  days,
  range,
  permissions,
  onDone,
}: {
  insight: InsightDto;
  days: InsightRangeDays;
  range: { from: string; to: string };
  permissions: InsightPermissions;
  /** A message for the page's status line once a write succeeded. */
  onDone: (message: string) => void;
}) {
  const titleId = useId();
  const [dismissing, setDismissing] = useState(false);
  const dismissButton = useRef<HTMLButtonElement>(null);
  const action = insight.action;
  const showAction = action && (action.type === "create_budget" ? permissions.writeBudgets : permissions.reviewTeams);

  return (
    <article className="card insight-card" aria-labelledby={titleId} data-testid="insight" data-kind={insight.kind}>
      <div className="insight-head">
        <div>
          <span className={`tag ${KIND_TONE[insight.kind]}`}>{KIND_LABELS[insight.kind]}</span>
          <h3 id={titleId} className="insight-title">
            {insight.title}
          </h3>
        </div>
        <Dollars insight={insight} />
      </div>
      <p>{insight.message}</p>
      <InsightChips insight={insight} days={days} />
      <details className="insight-evidence">
        <summary>Evidence</summary>
        <InsightEvidence insight={insight} days={days} />
      </details>
      {(showAction || permissions.manage) && (
        <div className="insight-actions">
          {showAction && action.type === "create_budget" && (
            <SuggestedBudgetAction label={action.label} budget={action.budget} onCreated={(name) => onDone(`Budget “${name}” created.`)} />
          )}
          {showAction && action.type === "mark_team_reviewed" && (
            <ReviewTeamAction label={action.label} team={action.team} onReviewed={(team) => onDone(`Team ${team} marked reviewed.`)} />
          )}
          {permissions.manage && !dismissing && (
            <button ref={dismissButton} className="btn" type="button" onClick={() => setDismissing(true)}>
              Dismiss
            </button>
          )}
        </div>
      )}
      {dismissing && (
        <DismissInsightForm
          insightId={insight.id}
          title={insight.title}
          range={range}
          onDismissed={() => onDone(`Dismissed “${insight.title}”.`)}
          onCancel={() => {
            setDismissing(false);
            requestAnimationFrame(() => dismissButton.current?.focus());
          }}
        />
      )}
    </article>
  );
}
