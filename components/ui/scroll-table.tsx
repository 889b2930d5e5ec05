import type { ReactNode } from "react";

/** A wide table that scrolls sideways when it does not fit: a caption for screen readers, one header row, the body rows. */
export function ScrollTable({ testId, caption, headers, children }: { testId: string; caption: string; headers: ReactNode; children: ReactNode }) {
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="table" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>{headers}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
