"use client";

import { CartesianGrid, LabelList, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { type RoiScatter, scatterTable } from "@/lib/charts/prepare-roi-scatter";
import { ChartFrame } from "./chart-frame";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumSignificantDigits: 2 });

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> };

function PointTooltip({ active, payload }: TooltipProps) {
  const point = active ? (payload?.[0]?.payload as RoiScatter["points"][number] | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{point.feature}</strong>
      <div>Cost per outcome: {point.costPerOutcome}</div>
      <div>Value per outcome: {point.valuePerOutcome}</div>
      <div>ROI: {point.roi}</div>
    </div>
  );
}

/** Renders a prepared scatter (lib/charts/prepare-roi-scatter.ts); the same data as a visually hidden table. */
export function RoiScatterChart({ chart, title, description }: { chart: RoiScatter; title: string; description: string }) {
  const [lo, hi] = chart.domain;
  const table = {
    caption: title,
    columns: ["Feature", "Cost per outcome", "Value per outcome", "ROI"],
    rows: scatterTable(chart).map((row) => ({ key: row.feature, label: row.feature, cells: [row.costPerOutcome, row.valuePerOutcome, row.roi] })),
  };
  const note = chart.leftOut.length > 0 && (
    <p className="chart-desc">
      Not plotted: {chart.leftOut.map((l) => `${l.feature} (${l.reason})`).join("; ")}.
    </p>
  );
  return (
    <ChartFrame title={title} description={description} empty={chart.empty} testId="roi-scatter" note={note} table={table}>
      <ScatterChart responsive style={{ width: "100%", height: 320 }} title={title} desc={description} margin={{ top: 12, right: 24, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="#e3e6eb" />
        <XAxis type="number" dataKey="x" name="Cost per outcome" scale="log" domain={[lo, hi]} ticks={chart.ticks} allowDataOverflow tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} label={{ value: "Cost per outcome (log)", position: "insideBottom", offset: -8, fontSize: 12 }} />
        <YAxis type="number" dataKey="y" name="Value per outcome" scale="log" domain={[lo, hi]} ticks={chart.ticks} allowDataOverflow tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} width={64} label={{ value: "Value per outcome (log)", angle: -90, position: "insideLeft", fontSize: 12 }} />
        <ReferenceLine segment={[{ x: lo, y: lo }, { x: hi, y: hi }]} stroke="#5b6678" strokeDasharray="6 4" label={{ value: "break-even", position: "insideTopLeft", fontSize: 11, fill: "#5b6678" }} />
        <Tooltip content={<PointTooltip />} cursor={{ strokeDasharray: "3 3" }} />
        <Scatter data={chart.points} isAnimationActive={false} shape="circle" fill="#1f4e79">
          <LabelList dataKey="feature" position="right" style={{ fontSize: 11, fill: "#1c2330" }} />
        </Scatter>
      </ScatterChart>
    </ChartFrame>
  );
}
