"use client";

import { useState } from "react";

export function WebhookSecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }
  return (
    <div role="status" aria-live="polite">
      <p>
        <strong>Webhook “{name}” created.</strong> Copy its signing secret now: it is shown only once. Your receiver checks each delivery with it:
        <code> X-FinOps-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</code>.
      </p>
      <div className="secret-box">
        <code data-testid="new-webhook-secret">{secret}</code>
        <button className="btn" type="button" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <button className="btn" type="button" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
