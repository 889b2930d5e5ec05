// The bodies a webhook receives (pure, unit-tested):
// - slack:   {"text", "blocks"}, what Slack incoming webhooks accept; `text`
//            is the notification fallback (and all that Slack-compatible
//            receivers without blocks show), the blocks add the figures.
// - generic: {"type": "budget.alert", "alert": {...}} with the alert's
//            payload flattened in; "insight.alert" for anomaly and runaway
//            insights; "webhook.test" for a test delivery.
import { formatMoney } from "@/lib/format";
import { divRound, parseUsd } from "@/lib/money";
import type { AlertDto, BudgetAlertPayload } from "@/lib/schemas/alerts";
import type { WebhookFormat } from "@/lib/schemas/webhooks";

export type WebhookEvent = "budget.alert" | "insight.alert" | "webhook.test";

export type AlertForWebhook = Pick<AlertDto, "id" | "kind" | "message" | "createdAt" | "payload">;

type SlackText = { type: "mrkdwn" | "plain_text"; text: string };
type SlackBlock =
  | { type: "section"; text: SlackText; fields?: SlackText[] }
  | { type: "context"; elements: SlackText[] };

/** Slack mrkdwn treats &, < and > as control characters. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Spent as a percentage of the limit, one decimal, exact (display only). */
export function spentPercent(payload: Pick<BudgetAlertPayload, "spentUsd" | "limitUsd">): string {
  const limit = parseUsd(payload.limitUsd);
  if (limit === 0n) return "—";
  const tenths = divRound(parseUsd(payload.spentUsd) * 1000n, limit);
  return `${tenths / 10n}${tenths % 10n === 0n ? "" : `.${tenths % 10n}`}%`;
}

function headline(alert: AlertForWebhook, event: WebhookEvent): string {
  if (event === "webhook.test") return ":white_check_mark: *Test delivery from AI FinOps*";
  if (alert.kind === "anomaly") return ":chart_with_upwards_trend: *Spend anomaly*";
  if (alert.kind === "runaway_agent") return ":robot_face: *Runaway agent*";
  return alert.kind === "cap" ? ":rotating_light: *Budget cap reached*" : ":warning: *Budget alert threshold reached*";
}

function slackBody(alert: AlertForWebhook, event: WebhookEvent) {
  const p = alert.payload;
  const blocks: SlackBlock[] = [{ type: "section", text: { type: "mrkdwn", text: `${headline(alert, event)}\n${escapeSlack(alert.message)}` } }];
  if (p && "insightId" in p) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*${escapeSlack(p.title)}*` },
      fields: [
        { type: "mrkdwn", text: `*At stake*\n${formatMoney(p.usdAtStake)}` },
        { type: "mrkdwn", text: `*Team*\n${escapeSlack(p.team ?? "—")}` },
        { type: "mrkdwn", text: `*Feature*\n${escapeSlack(p.feature ?? "—")}` },
        ...(p.traceId ? [{ type: "mrkdwn" as const, text: `*Trace*\n${escapeSlack(p.traceId)}` }] : []),
      ],
    });
  } else if (p) {
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*Budget:* ${escapeSlack(p.budgetName)}` },
      fields: [
        { type: "mrkdwn", text: `*Spent*\n${formatMoney(p.spentUsd)} (${spentPercent(p)})` },
        { type: "mrkdwn", text: `*Limit*\n${formatMoney(p.limitUsd)}` },
        { type: "mrkdwn", text: `*Threshold*\n${p.percent}%` },
        { type: "mrkdwn", text: `*Scope*\n${escapeSlack(p.scope)} · ${p.period}` },
      ],
    });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `AI FinOps · alert ${escapeSlack(alert.id)} · ${alert.createdAt}` }] });
  const prefix = event === "webhook.test" ? "[test] " : "";
  return { text: `${prefix}${alert.message}`, blocks };
}

function genericBody(alert: AlertForWebhook, event: WebhookEvent) {
  return { type: event, alert: { id: alert.id, kind: alert.kind, message: alert.message, createdAt: alert.createdAt, ...(alert.payload ?? {}) } };
}

/** The exact bytes to POST (and to sign). */
export function webhookBody(format: WebhookFormat, alert: AlertForWebhook, event: WebhookEvent = "budget.alert"): string {
  return JSON.stringify(format === "slack" ? slackBody(alert, event) : genericBody(alert, event));
}

/** The alert a "send test" delivers: shaped like a real one, marked as a test. */
export function sampleAlert(now: Date): AlertForWebhook {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  return {
    id: "test",
    kind: "threshold",
    message: "Test delivery: Budget 'example monthly' reached 80% of $5,000.00. No budget was crossed.",
    createdAt: now.toISOString(),
    payload: {
      budgetId: "test",
      budgetName: "example monthly",
      scope: "team:example",
      period: "month",
      periodStart: monthStart.toISOString(),
      threshold: 0.8,
      percent: 80,
      spentUsd: "4012.500000000",
      limitUsd: "5000.000000000",
    },
  };
}
