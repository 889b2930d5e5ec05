"use client";

import { Line, LineChart, ReferenceLine, Tooltip } from "recharts";
import type { RoiOverTime } from "@/lib/charts/prepare-roi-over-time";
import { ChartFrame } from "./chart-frame";
import { TimeAxes } from "./time-axes";

/** Renders prepared ROI over time (lib/charts/prepare-roi-over-time.ts): gaps where ROI is undefined; the data as a hidden table. */
export function RoiOverTimeChart({ chart, title, description }: { chart: RoiOverTime; title: string; description: string }) {
  const table = {
    caption: title,
    columns: ["Period", "ROI", "Cost", "Value"],
    rows: chart.rows.map((row) => ({ key: row.t, label: row.label, cells: [row.roi, row.cost, row.value] })),
  };
  return (
    <ChartFrame title={title} description={description} empty={chart.empty} testId="roi-over-time" table={table}>
      <LineChart responsive style={{ width: "100%", height: 240 }} data={chart.points} title={title} desc={description} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <TimeAxes tickFormatter={(v) => `${v}%`} />
        <ReferenceLine y={0} stroke="#5b6678" strokeDasharray="4 4" />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "undefined")} />
        <Line dataKey="roiPct" name="ROI" type="linear" stroke="#1f4e79" strokeWidth={2} dot={{ r: 2 }} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
