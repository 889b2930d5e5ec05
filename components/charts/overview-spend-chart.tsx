"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { OverviewSpendChart as OverviewSpendData } from "@/lib/charts/prepare-overview-spend";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

/** Renders prepared daily spend (lib/charts/prepare-overview-spend.ts); the same data as a visually hidden table. */
export function OverviewSpendChart({ chart, title, description }: { chart: OverviewSpendData; title: string; description: string }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid="spend-chart">
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-desc">{description}</p>
      {chart.empty ? (
        <p className="empty">{chart.empty}</p>
      ) : (
        <BarChart responsive style={{ width: "100%", height: 240 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(value) => formatMoney(typeof value === "number" ? value.toFixed(9) : null)} />
          <Bar dataKey="spend" name="Spend" fill={chart.color} isAnimationActive={false} />
        </BarChart>
      )}
      <table className="sr-only">
        <caption>{title}: spend per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Spend</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{row.date}</th>
              <td>{row.spend}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
