import type { BudgetStatus as Status } from "@/lib/schemas/budget-reads";

const LABELS: Record<Status, { text: string; className: string; title: string }> = {
  ok: { text: "OK", className: "tag tag-good", title: "Below every alert threshold" },
  warning: { text: "Warning", className: "tag tag-warn", title: "An alert threshold is reached" },
  over: { text: "Over", className: "tag tag-bad", title: "Spent and reserved reach the limit: nothing is left" },
};

export function BudgetStatusBadge({ status }: { status: Status }) {
  const label = LABELS[status];
  return (
    <span className={label.className} title={label.title}>
      {label.text}
    </span>
  );
}
