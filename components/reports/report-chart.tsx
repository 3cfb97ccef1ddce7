"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

/**
 * A line of a chart: the key of its values in each row, its name, and (optionally) its colour.
 * `out`: a flow out (points redeemed, expired), drawn below the axis under the flows in, so a bar
 * chart of movements reads in and out per period however many periods it shows.
 */
export type ChartSeries = { key: string; label: string; color?: string; out?: boolean };

/**
 * One bucket (or category) of a chart: its label, the numbers drawn (a float is fine for drawing) and,
 * for the table, the exact text of each value (points and money formatted from integers or decimals).
 */
export type ChartRow = { label: string; values: Record<string, number>; text: Record<string, string> };

const PALETTE = ["#4f46e5", "#0891b2", "#d97706", "#dc2626", "#16a34a", "#9333ea", "#64748b"];

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });
/** A category's label on the axis, cut to fit (the table beside the chart has it whole). */
const shortLabel = (label: string) => (label.length > 40 ? `${label.slice(0, 39).trimEnd()}…` : label);

/**
 * A chart with its numbers as a table beside it (below it on narrow screens): the table is the
 * accessible form of the chart, so the chart itself is hidden from screen readers.
 */
export function ReportChart({
  title,
  description,
  kind,
  rows,
  series,
  stacked = false,
  firstColumn = "Period",
  emptyMessage = "Nothing in this period.",
  actions,
  className,
}: {
  title: string;
  description?: string;
  /** "line" and "bar": periods along the bottom. "categories": a bar per row, laid across, every label shown. */
  kind: "line" | "bar" | "categories";
  rows: ChartRow[];
  series: ChartSeries[];
  stacked?: boolean;
  firstColumn?: string;
  emptyMessage?: string;
  actions?: React.ReactNode;
  className?: string;
}) {
  const tableId = useId();
  const flows = kind === "bar" && series.some((s) => s.out);
  const data = rows.map((r) => {
    const values: Record<string, number> = { ...r.values };
    if (flows) for (const s of series) if (s.out && values[s.key] !== undefined) values[s.key] = -values[s.key]!;
    return { label: r.label, ...values };
  });
  const colored = series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length] }));
  // The legend in the series' order (recharts sorts it by name otherwise).
  const legendOrder = (item: { dataKey?: unknown }) => series.findIndex((s) => s.key === item.dataKey);
  const empty = rows.length === 0 || rows.every((r) => series.every((s) => !r.values[s.key]));
  return (
    <Card className={cn("flex flex-col", className)}>
      <CardHeader className="flex-row items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle>{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
        </div>
        {actions}
      </CardHeader>
      <div className="grid gap-4 p-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="h-64 min-w-0" aria-hidden="true" data-testid="report-chart">
          {empty ? (
            <div className="flex h-full items-center justify-center rounded-md border border-dashed border-slate-200 text-[13px] text-slate-500">{emptyMessage}</div>
          ) : (
            <ResponsiveContainer width="100%" height="100%">
              {kind === "categories" ? (
                <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }} barCategoryGap="25%">
                  <CartesianGrid stroke="#e2e8f0" horizontal={false} />
                  <XAxis type="number" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} tickFormatter={(v: number) => compact.format(v)} />
                  <YAxis type="category" dataKey="label" interval={0} width={168} tick={{ fontSize: 11, fill: "#334155" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} tickFormatter={shortLabel} />
                  <Tooltip formatter={(v) => (typeof v === "number" ? v.toLocaleString("en-GB") : String(v))} cursor={{ fill: "#f1f5f9" }} />
                  {colored.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={legendOrder} />}
                  {colored.map((s) => (
                    <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} maxBarSize={24} isAnimationActive={false} />
                  ))}
                </BarChart>
              ) : kind === "line" ? (
                <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
                  <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
                  <Tooltip formatter={(v) => (typeof v === "number" ? v.toLocaleString("en-GB") : String(v))} />
                  {colored.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={legendOrder} />}
                  {colored.map((s) => (
                    <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={rows.length <= 31} isAnimationActive={false} />
                  ))}
                </LineChart>
              ) : (
                <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} stackOffset={flows ? "sign" : "none"} barCategoryGap={flows || stacked ? "20%" : "15%"} barGap={1}>
                  <CartesianGrid stroke="#e2e8f0" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={{ stroke: "#cbd5e1" }} minTickGap={16} />
                  <YAxis tick={{ fontSize: 11, fill: "#475569" }} tickLine={false} axisLine={false} width={48} tickFormatter={(v: number) => compact.format(v)} />
                  {flows && <ReferenceLine y={0} stroke="#94a3b8" />}
                  {/* Flows out are drawn negative; the tooltip, like the table, says how many. */}
                  <Tooltip formatter={(v) => (typeof v === "number" ? Math.abs(v).toLocaleString("en-GB") : String(v))} />
                  {colored.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={legendOrder} />}
                  {colored.map((s) => (
                    <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked || flows ? "stack" : undefined} maxBarSize={48} isAnimationActive={false} />
                  ))}
                </BarChart>
              )}
            </ResponsiveContainer>
          )}
        </div>
        <div className="max-h-64 overflow-auto rounded-md border border-slate-200" tabIndex={0} aria-labelledby={tableId}>
          <table className="w-full text-[13px]">
            <caption id={tableId} className="sr-only">
              {title}
            </caption>
            <thead className="sticky top-0 bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {firstColumn}
                </th>
                {series.map((s) => (
                  <th key={s.key} scope="col" className="px-3 py-2 text-right font-medium">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={series.length + 1} className="px-3 py-6 text-center text-slate-500">
                    {emptyMessage}
                  </td>
                </tr>
              ) : (
                rows.map((r) => (
                  <tr key={r.label}>
                    <th scope="row" className="px-3 py-1.5 text-left font-normal whitespace-nowrap text-slate-700">
                      {r.label}
                    </th>
                    {series.map((s) => (
                      <td key={s.key} className="px-3 py-1.5 text-right whitespace-nowrap text-slate-900 tabular-nums">
                        {r.text[s.key] ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </Card>
  );
}
