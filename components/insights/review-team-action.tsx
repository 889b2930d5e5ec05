"use client";

import { useReviewTeam } from "@/lib/queries/insights";

/** One click: the team is known and owned; the insight goes once the list reloads. */
export function ReviewTeamAction({ label, team, onReviewed }: { label: string; team: string; onReviewed: (team: string) => void }) {
  const review = useReviewTeam((t) => onReviewed(t.name));
  return (
    <>
      <button className="btn btn-primary" type="button" disabled={review.isPending} onClick={() => review.mutate(team)}>
        {review.isPending ? "Saving…" : label}
      </button>
      {review.error && (
        <p className="error-text" role="alert">
          Could not mark the team reviewed: {review.error.message}
        </p>
      )}
    </>
  );
}
