"use client";

import type { FormEvent } from "react";
import { useCreateWebhook } from "@/lib/queries/webhooks";
import { WebhookFormat } from "@/lib/schemas/webhooks";

const FORMAT_HINTS: Record<WebhookFormat, string> = {
  slack: "{\"text\", \"blocks\"} for a Slack (or Mattermost) incoming webhook URL",
  generic: "{\"type\": \"budget.alert\", \"alert\": {...}} for your own receiver",
};

export function CreateWebhookForm({ onCreated }: { onCreated: (secret: string, name: string) => void }) {
  const create = useCreateWebhook();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const format = WebhookFormat.catch("generic").parse(form.get("format"));
    create.mutate(
      { name: String(form.get("name") ?? ""), url: String(form.get("url") ?? ""), format },
      {
        onSuccess: (result) => {
          onCreated(result.secret, result.webhook.name);
          formElement.reset();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="Create webhook">
      <div className="field">
        <label htmlFor="webhook-name">Name</label>
        <input id="webhook-name" name="name" type="text" required maxLength={100} placeholder="e.g. #finops-alerts" />
      </div>
      <div className="field">
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" name="url" type="text" inputMode="url" required maxLength={2048} placeholder="https://hooks.slack.com/services/…" aria-describedby="webhook-url-hint" />
        <span id="webhook-url-hint" className="field-hint">
          http:// or https:// only. Each alert is POSTed as JSON, signed, and retried with backoff for about 7 hours when it fails.
        </span>
      </div>
      <div className="field">
        <label htmlFor="webhook-format">Format</label>
        <select id="webhook-format" name="format" defaultValue="slack" aria-describedby="webhook-format-hint">
          <option value="slack">Slack-compatible</option>
          <option value="generic">Generic JSON</option>
        </select>
        <span id="webhook-format-hint" className="field-hint">
          Slack: {FORMAT_HINTS.slack}. Generic: {FORMAT_HINTS.generic}.
        </span>
      </div>
      {create.error && (
        <p className="error-text" role="alert">
          {create.error.message}
        </p>
      )}
      <button className="btn btn-primary" type="submit" disabled={create.isPending}>
        {create.isPending ? "Creating…" : "Create webhook"}
      </button>
    </form>
  );
}
