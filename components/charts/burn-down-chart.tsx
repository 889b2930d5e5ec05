"use client";

import { useId } from "react";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { BurnDownChart as BurnDownData } from "@/lib/charts/prepare-burn-down";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

/** Renders a prepared burn-down (lib/charts/prepare-burn-down.ts); the same data as a visually hidden table. */
export function BurnDownChart({ chart, title, description }: { chart: BurnDownData; title: string; description: string }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-desc">{description}</p>
      {chart.empty ? (
        <p className="empty">{chart.empty}</p>
      ) : (
        <LineChart responsive style={{ width: "100%", height: 260 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(value) => formatMoney(typeof value === "number" ? value.toFixed(9) : null)} />
          <Legend />
          {chart.series.map((s) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.name}
              type="linear"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "6 4" : undefined}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
      <table className="sr-only">
        <caption>{title}: cumulative spend per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {chart.series.map((s) => (
              <th scope="col" key={s.key}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.date}>
              <th scope="row">{row.date}</th>
              {chart.series.map((s) => (
                <td key={s.key}>{row[s.key]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
