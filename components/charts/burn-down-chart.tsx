"use client";

import { Legend, Line, LineChart, Tooltip } from "recharts";
import type { BurnDownChart as BurnDownData } from "@/lib/charts/prepare-burn-down";
import { ChartFrame } from "./chart-frame";
import { axisMoney, TimeAxes, tooltipMoney } from "./time-axes";

/** Renders a prepared burn-down (lib/charts/prepare-burn-down.ts); the same data as a visually hidden table. */
export function BurnDownChart({ chart, title, description }: { chart: BurnDownData; title: string; description: string }) {
  const table = {
    caption: `${title}: cumulative spend per day`,
    columns: ["Date", ...chart.series.map((s) => s.name)],
    rows: chart.rows.map((row) => ({ key: row.date, label: row.date, cells: chart.series.map((s) => row[s.key]) })),
  };
  return (
    <ChartFrame title={title} description={description} empty={chart.empty} table={table}>
      <LineChart responsive style={{ width: "100%", height: 260 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <TimeAxes tickFormatter={axisMoney} />
        <Tooltip formatter={tooltipMoney} />
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
    </ChartFrame>
  );
}
