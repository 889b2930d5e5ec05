"use client";

import { Bar, BarChart, Tooltip } from "recharts";
import type { OverviewSpendChart as OverviewSpendData } from "@/lib/charts/prepare-overview-spend";
import { ChartFrame } from "./chart-frame";
import { axisMoney, TimeAxes, tooltipMoney } from "./time-axes";

/** Renders prepared daily spend (lib/charts/prepare-overview-spend.ts); the same data as a visually hidden table. */
export function OverviewSpendChart({ chart, title, description }: { chart: OverviewSpendData; title: string; description: string }) {
  const table = {
    caption: `${title}: spend per day`,
    columns: ["Date", "Spend"],
    rows: chart.rows.map((row) => ({ key: row.date, label: row.date, cells: [row.spend] })),
  };
  return (
    <ChartFrame title={title} description={description} empty={chart.empty} testId="spend-chart" table={table}>
      <BarChart responsive style={{ width: "100%", height: 240 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <TimeAxes minTickGap={24} tickFormatter={axisMoney} />
        <Tooltip formatter={tooltipMoney} />
        <Bar dataKey="spend" name="Spend" fill={chart.color} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
