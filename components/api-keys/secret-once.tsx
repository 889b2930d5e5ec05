"use client";

import { useState } from "react";

export function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }
  return (
    <div role="status" aria-live="polite">
      <p>
        <strong>Key “{name}” created.</strong> Copy it now: it is shown only once and cannot be recovered.
      </p>
      <div className="secret-box">
        <code data-testid="new-api-key">{secret}</code>
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
