"use client";

import { type ReactNode, useState } from "react";

/** A new secret, shown this once with a copy button; the children say what was created and what the secret is for. */
export function SecretOnce({ secret, testId, onDone, children }: { secret: string; testId: string; onDone: () => void; children: ReactNode }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }
  return (
    <div role="status" aria-live="polite">
      <p>{children}</p>
      <div className="secret-box">
        <code data-testid={testId}>{secret}</code>
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
