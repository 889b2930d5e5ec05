"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { type AlertsParams, useAcknowledgeAlert, useAlerts } from "@/lib/queries/alerts";
import type { AlertDto } from "@/lib/schemas/alerts";
import { AlertKindTag } from "./alert-kind";
import { LoadingBlock, QueryError } from "@/components/ui/query-error";

const FILTERS: { value: AlertsParams["status"]; label: string }[] = [
  { value: "all", label: "All alerts" },
  { value: "open", label: "Not acknowledged" },
];

export function AlertsView({ timeZone, canAcknowledge }: { timeZone: string; canAcknowledge: boolean }) {
  const [status, setStatus] = useState<AlertsParams["status"]>("all");
  const [announcement, setAnnouncement] = useState("");
  const alerts = useAlerts({ status });
  const acknowledge = useAcknowledgeAlert({ onSuccess: ({ alert }) => setAnnouncement(`Acknowledged: ${alert.message}`) });

  return (
    <section className="card" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">Alerts</h2>
      <fieldset className="field">
        <legend>Show</legend>
        <div className="checks">
          {FILTERS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="alert-status" value={f.value} checked={status === f.value} onChange={() => setStatus(f.value)} /> {f.label}
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className="success-text">
        {announcement}
      </p>
      {acknowledge.error && (
        <p className="error-text" role="alert">
          {acknowledge.error.message}
        </p>
      )}
      {alerts.isPending ? (
        <LoadingBlock what="alerts" />
      ) : alerts.isError ? (
        <QueryError what="the alerts" error={alerts.error} onRetry={() => alerts.refetch()} />
      ) : (
        <AlertTable
          alerts={alerts.data.pages.flatMap((p) => p.alerts)}
          emptyText={status === "open" ? "No alert is waiting to be acknowledged." : "No alerts yet. An alert appears when spend reaches a budget's alert threshold or its cap."}
          timeZone={timeZone}
          canAcknowledge={canAcknowledge}
          acknowledging={acknowledge.isPending ? acknowledge.variables : null}
          onAcknowledge={(id) => acknowledge.mutate(id)}
        />
      )}
      {alerts.hasNextPage && (
        <button className="btn" type="button" disabled={alerts.isFetchingNextPage} onClick={() => alerts.fetchNextPage()}>
          {alerts.isFetchingNextPage ? "Loading…" : "Show older alerts"}
        </button>
      )}
    </section>
  );
}

function AlertTable(props: {
  alerts: AlertDto[];
  emptyText: string;
  timeZone: string;
  canAcknowledge: boolean;
  acknowledging: string | null;
  onAcknowledge: (id: string) => void;
}) {
  if (props.alerts.length === 0) return <p className="empty">{props.emptyText}</p>;
  return (
    <table className="table" data-testid="alerts">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Reached</th>
          <th scope="col">Alert</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {props.alerts.map((alert) => (
          <tr key={alert.id} className={alert.acknowledgedAt ? "muted" : undefined}>
            <td>{formatDateTime(alert.createdAt, props.timeZone)}</td>
            <td>
              <AlertKindTag alert={alert} />
            </td>
            <td>{alert.message}</td>
            <td>
              {alert.acknowledgedAt ? (
                <span>Acknowledged {formatDateTime(alert.acknowledgedAt, props.timeZone)}</span>
              ) : props.canAcknowledge ? (
                <button className="btn" type="button" disabled={props.acknowledging === alert.id} onClick={() => props.onAcknowledge(alert.id)}>
                  Acknowledge<span className="sr-only">: {alert.message}</span>
                </button>
              ) : (
                <span className="tag">open</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
