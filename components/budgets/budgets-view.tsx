"use client";

import { useRef, useState } from "react";
import type { BudgetDto } from "@/lib/schemas/budgets";
import { BudgetForm } from "./budget-form";
import type { BudgetOptions } from "./budget-options";
import { BudgetTable } from "./budget-table";

type Editor = { budget?: BudgetDto } | null;

export function BudgetsView({ options }: { options: BudgetOptions }) {
  const [editor, setEditor] = useState<Editor>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  function close(message: string | null) {
    setEditor(null);
    setSaved(message);
    requestAnimationFrame(() => newButton.current?.focus());
  }

  return (
    <>
      {options.canWrite && (
        <section className="card" aria-label="Budget editor">
          {editor ? (
            <BudgetForm
              key={editor.budget?.id ?? "new"}
              budget={editor.budget}
              options={options}
              onDone={(b) => close(`Budget “${b.name}” ${editor.budget ? "saved" : "created"}.`)}
              onCancel={() => close(null)}
            />
          ) : (
            <button ref={newButton} className="btn btn-primary" type="button" onClick={() => setEditor({})}>
              New budget
            </button>
          )}
          <p className="success-text" role="status">
            {saved}
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="budgets-heading">
        <h2 id="budgets-heading">Budgets</h2>
        <BudgetTable
          options={options}
          onEdit={(budget) => {
            setSaved(null);
            setEditor({ budget });
            window.scrollTo({ top: 0, behavior: "smooth" });
          }}
        />
      </section>
    </>
  );
}
