"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";
import { eventsLogSearch, useEventsLog } from "@/lib/queries/events-log";
import { eventsLogParams } from "./event-log-params";
import { EventLogRow } from "./event-log-row";
import { ExportCsvButton } from "./export-csv-button";

/** Events of the URL's range and filters, newest first; pages are keyset cursors, kept on a stack for "Previous". */
export function EventLog({ now, timeZone }: { now: string; timeZone: string }) {
  const search = useSearchParams().toString();
  const base = useMemo(() => eventsLogParams(new URLSearchParams(search), new Date(now)), [search, now]);
  const [pages, setPages] = useState<{ search: string; cursors: string[] }>({ search, cursors: [] });
  const cursors = pages.search === search ? pages.cursors : [];
  const cursor = cursors.at(-1);
  const query = useEventsLog(cursor ? { ...base, cursor } : base);
  const filters = Object.entries(base).filter(([k]) => k !== "from" && k !== "to");

  return (
    <section className="card" aria-labelledby="event-log-heading">
      <div className="event-log-header">
        <h2 id="event-log-heading">Events</h2>
        <p className="muted">
          {base.from.slice(0, 10)} to {base.to.slice(0, 10)}
          {filters.length > 0 ? `, ${filters.map(([k, v]) => `${k} ${v}`).join(", ")}` : ", all teams you may see"}
        </p>
        <Link className="btn" href={search ? `/explore?${search}` : "/explore"}>
          Back to spend
        </Link>
        <ExportCsvButton url={`/api/v1/events-log/export?${eventsLogSearch(base)}`} />
      </div>
      {query.error ? (
        <QueryError what="events" error={query.error} onRetry={() => query.refetch()} />
      ) : !query.data ? (
        <LoadingBlock what="events" />
      ) : query.data.events.length === 0 ? (
        <p className="empty">No events match these filters in this period{cursors.length > 0 ? " past this page" : ""}.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="sr-only">Events, newest first; open a row for its price breakdown</caption>
            <thead>
              <tr>
                <th scope="col">Time ({timeZone})</th>
                <th scope="col">Team</th>
                <th scope="col">Model</th>
                <th scope="col">Feature</th>
                <th scope="col">Provider</th>
                <th scope="col" className="num">Tokens</th>
                <th scope="col" className="num">Cost</th>
              </tr>
            </thead>
            <tbody>
              {query.data.events.map((e) => (
                <EventLogRow key={e.id} event={e} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="form-actions" aria-label="Event pages">
        <button className="btn" type="button" disabled={cursors.length === 0} onClick={() => setPages({ search, cursors: cursors.slice(0, -1) })}>
          Previous page
        </button>
        <button className="btn" type="button" disabled={!query.data?.nextCursor || query.isPlaceholderData} onClick={() => setPages({ search, cursors: [...cursors, query.data!.nextCursor!] })}>
          Next page
        </button>
      </nav>
    </section>
  );
}
