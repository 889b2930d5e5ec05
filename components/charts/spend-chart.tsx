"use client";

import { useId } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { SpendChart as SpendChartData } from "@/lib/charts/prepare-spend-series";
import { formatMoney } from "@/lib/format";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });
const tooltipMoney = (value: unknown) => formatMoney(typeof value === "number" ? value.toFixed(9) : null);

/** Renders prepared spend (lib/charts/prepare-spend-series.ts), stacked, as areas or bars; the same data as a visually hidden table. */
export function SpendChart({ chart, kind, title, description }: { chart: SpendChartData; kind: "area" | "bar"; title: string; description: string }) {
  const id = useId();
  const common = { responsive: true, style: { width: "100%", height: 300 }, data: chart.points, title, desc: description, margin: { top: 8, right: 16, bottom: 0, left: 8 } };
  const axes = (
    <>
      <CartesianGrid stroke="#e3e6eb" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
      <YAxis tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} width={64} />
      <Tooltip formatter={tooltipMoney} />
      <Legend />
    </>
  );
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-desc">{description}</p>
      {chart.empty ? (
        <p className="empty">{chart.empty}</p>
      ) : kind === "bar" ? (
        <BarChart {...common}>
          {axes}
          {chart.series.map((s) => (
            <Bar key={s.dataKey} dataKey={s.dataKey} name={s.name} stackId="spend" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      ) : (
        <AreaChart {...common}>
          {axes}
          {chart.series.map((s) => (
            <Area key={s.dataKey} dataKey={s.dataKey} name={s.name} stackId="spend" type="linear" stroke={s.color} fill={s.color} fillOpacity={0.55} isAnimationActive={false} />
          ))}
        </AreaChart>
      )}
      <table className="sr-only">
        <caption>{title}: spend per period</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            {chart.series.map((s) => (
              <th scope="col" key={s.dataKey}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.points.map((p) => (
            <tr key={p.t}>
              <th scope="row">{p.label}</th>
              {chart.series.map((s) => (
                <td key={s.dataKey}>{tooltipMoney(p[s.dataKey])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
