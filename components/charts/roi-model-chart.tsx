"use client";

import { useId } from "react";
import { Bar, BarChart, type BarShapeProps, CartesianGrid, Rectangle, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";
import type { FeatureComparison, ModelBar } from "@/lib/charts/prepare-roi-models";

const axisMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumSignificantDigits: 3 });

/** Each model's bar in the colour the preparer gave it. */
function colouredBar(props: BarShapeProps) {
  return <Rectangle {...props} fill={(props.payload as ModelBar).color} />;
}

/** Cost per outcome by model for one feature (lib/charts/prepare-roi-models.ts); models without outcomes are gaps. */
export function RoiModelChart({ comparison, title }: { comparison: FeatureComparison; title: string }) {
  const id = useId();
  const height = 48 + comparison.models.length * 36;
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid="roi-model-chart">
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <BarChart responsive layout="vertical" style={{ width: "100%", height }} data={comparison.models} title={title} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
        <CartesianGrid stroke="#e3e6eb" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => axisMoney.format(v)} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="model" width={150} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => (typeof value === "number" ? formatMoney(value.toFixed(9)) : "no outcomes")} />
        <Bar dataKey="costPerOutcome" name="Cost per outcome" isAnimationActive={false} shape={colouredBar} />
      </BarChart>
    </figure>
  );
}
