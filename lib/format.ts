// Display formatting (client and server). Money arrives as decimal strings;
// converting to a number here is for display only, never for arithmetic.

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSmall = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 4 });

export function formatMoney(decimal: string | null | undefined): string {
  if (decimal == null) return "—";
  const value = Number(decimal);
  if (value !== 0 && Math.abs(value) < 1) return usdSmall.format(value);
  return usd.format(value);
}

export function formatTokens(count: number | string): string {
  const n = Number(count);
  if (n >= 1e9) return `${trim(n / 1e9)}B`;
  if (n >= 1e6) return `${trim(n / 1e6)}M`;
  if (n >= 1e3) return `${trim(n / 1e3)}K`;
  return String(n);
}

function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1).replace(/\.0$/, "") : n.toFixed(2).replace(/\.?0+$/, "");
}

export function formatCount(count: number | string): string {
  return new Intl.NumberFormat("en-US").format(Number(count));
}

export function formatDateTime(iso: string | null, timeZone = "UTC"): string {
  if (!iso) return "never";
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
