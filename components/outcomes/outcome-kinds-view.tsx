"use client";

import { useState } from "react";
import { ActionsHeader } from "@/components/ui/actions-header";
import { QueryFallback } from "@/components/ui/query-error";
import { formatCount, formatDateTime } from "@/lib/format";
import { useOutcomeKinds } from "@/lib/queries/roi";
import { draftOf, type KindDraft, OutcomeKindForm } from "./outcome-kind-form";
import { OutcomeKindsTable } from "./outcome-kinds-table";

type Editor = { kind?: string; draft: KindDraft; version: number; focus?: boolean };

export function OutcomeKindsView({ timeZone }: { timeZone: string }) {
  const query = useOutcomeKinds();
  const [editor, setEditor] = useState<Editor>({ draft: {}, version: 0 });
  const [saved, setSaved] = useState<string | null>(null);
  const open = (next: Omit<Editor, "version" | "focus">) => {
    setSaved(null);
    setEditor((e) => ({ ...next, version: e.version + 1, focus: true }));
  };
  const reset = (message: string) => {
    setSaved(message);
    setEditor((e) => ({ draft: {}, version: e.version + 1 }));
  };

  if (!query.isSuccess) return <QueryFallback query={query} loading="outcome kinds" failed="outcome kinds" />;
  const { kinds, unconfigured } = query.data;

  return (
    <>
      <section className="card" aria-labelledby="kind-editor-heading">
        <h2 id="kind-editor-heading">{editor.kind ? `Edit “${editor.kind}”` : "Name an outcome kind"}</h2>
        <OutcomeKindForm
          key={editor.version}
          editing={editor.kind}
          initial={editor.draft}
          focusName={editor.focus}
          onDone={(k) => reset(`Outcome kind “${k.name}” saved.`)}
          onCancel={editor.kind || Object.keys(editor.draft).length > 0 ? () => reset("") : undefined}
        />
        <p role="status" className="success-text">
          {saved}
        </p>
      </section>
      <section className="card" aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">Outcome kinds</h2>
        <OutcomeKindsTable kinds={kinds} timeZone={timeZone} onEdit={(k) => open({ kind: k.kind, draft: draftOf(k) })} />
      </section>
      <section className="card" aria-labelledby="unconfigured-heading">
        <h2 id="unconfigured-heading">Received without a name (last 90 days)</h2>
        {unconfigured.length === 0 ? (
          <p className="empty">Every kind services sent in the last 90 days is named.</p>
        ) : (
          <table className="table" data-testid="unconfigured-kinds">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Outcomes
                </th>
                <th scope="col">Last received</th>
                <ActionsHeader />
              </tr>
            </thead>
            <tbody>
              {unconfigured.map((u) => (
                <tr key={u.kind}>
                  <th scope="row">
                    <code>{u.kind}</code>
                  </th>
                  <td className="num">{formatCount(u.outcomes)}</td>
                  <td>{formatDateTime(u.lastSeenAt, timeZone)}</td>
                  <td>
                    <button className="btn" type="button" onClick={() => open({ draft: { kind: u.kind, name: u.kind.replace(/[_.-]+/g, " ") } })}>
                      Name it
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
