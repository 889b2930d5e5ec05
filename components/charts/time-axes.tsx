import { CartesianGrid, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/lib/format";

const compactMoney = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumFractionDigits: 1 });

/** Compact dollars for a value axis: $1.2K. */
export const axisMoney = (value: number) => compactMoney.format(value);

/** A plotted dollar amount as the money text the tables show. */
export const tooltipMoney = (value: unknown) => formatMoney(typeof value === "number" ? value.toFixed(9) : null);

/** The grid, the time axis (points labelled by `label`) and the value axis of a chart over time. */
export function TimeAxes({ minTickGap = 16, tickFormatter }: { minTickGap?: number; tickFormatter: (value: number) => string }) {
  return (
    <>
      <CartesianGrid stroke="#e3e6eb" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={minTickGap} />
      <YAxis tickFormatter={tickFormatter} tick={{ fontSize: 12 }} width={64} />
    </>
  );
}
