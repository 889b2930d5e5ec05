"use client";

import { useId } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { RoiOverTime } from "@/lib/charts/prepare-roi-over-time";

/** Renders prepared ROI over time (lib/charts/prepare-roi-over-time.ts): gaps where ROI is undefined; the data as a hidden table. */
export function RoiOverTimeChart({ chart, title, description }: { chart: RoiOverTime; title: string; description: string }) {
  const id = useId();
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid="roi-over-time">
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <p className="chart-desc">{description}</p>
      {chart.empty ? (
        <p className="empty">{chart.empty}</p>
      ) : (
        <LineChart responsive style={{ width: "100%", height: 240 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e3e6eb" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12 }} width={64} />
          <ReferenceLine y={0} stroke="#5b6678" strokeDasharray="4 4" />
          <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "undefined")} />
          <Line dataKey="roiPct" name="ROI" type="linear" stroke="#1f4e79" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      )}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">ROI</th>
            <th scope="col">Cost</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {chart.rows.map((row) => (
            <tr key={row.t}>
              <th scope="row">{row.label}</th>
              <td>{row.roi}</td>
              <td>{row.cost}</td>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
