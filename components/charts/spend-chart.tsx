"use client";

import { Area, AreaChart, Bar, BarChart, Legend, Tooltip } from "recharts";
import type { SpendChart as SpendChartData } from "@/lib/charts/prepare-spend-series";
import { ChartFrame } from "./chart-frame";
import { axisMoney, TimeAxes, tooltipMoney } from "./time-axes";

/** Renders prepared spend (lib/charts/prepare-spend-series.ts), stacked, as areas or bars; the same data as a visually hidden table. */
export function SpendChart({ chart, kind, title, description }: { chart: SpendChartData; kind: "area" | "bar"; title: string; description: string }) {
  const common = { responsive: true, style: { width: "100%", height: 300 }, data: chart.points, title, desc: description, margin: { top: 8, right: 16, bottom: 0, left: 8 } };
  const axes = (
    <>
      <TimeAxes tickFormatter={axisMoney} />
      <Tooltip formatter={tooltipMoney} />
      <Legend />
    </>
  );
  const table = {
    caption: `${title}: spend per period`,
    columns: ["Period", ...chart.series.map((s) => s.name)],
    rows: chart.points.map((p) => ({ key: p.t, label: p.label, cells: chart.series.map((s) => tooltipMoney(p[s.dataKey])) })),
  };
  return (
    <ChartFrame title={title} description={description} empty={chart.empty} table={table}>
      {kind === "bar" ? (
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
    </ChartFrame>
  );
}
