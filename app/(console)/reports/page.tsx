import { CalendarClock, ChartColumn, ChevronRight, Gift, Handshake, ShoppingCart } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SECTION_META } from "@/components/console/section-meta";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

const REPORTS = [
  {
    href: "/reports/programmes",
    icon: ChartColumn,
    title: "Programme dashboard",
    detail: "Points issued, redeemed, expired and outstanding, liability, breakage, new and active members and tiers, per programme or for the group; CSV downloads.",
  },
  { href: "/reports/expiring", icon: CalendarClock, title: "Points expiring soon", detail: "Members with points expiring in the next 30, 60 or 90 days, per programme; CSV download." },
  { href: "/reports/offers", icon: Gift, title: "Offer performance", detail: "Per offer: members reached, awards and their cost, budget used and left, fulfilment states; compare two offers side by side." },
  { href: "/reports/partners", icon: Handshake, title: "Partner reports", detail: "Partner points credited per partner by state and failure rate; point block usage over time; post-paid statements." },
  { href: "/reports/spend", icon: ShoppingCart, title: "Spend by category and merchant", detail: "Net card spend over time, by spend category and by MCC (top 8 + Other); charts with tables, CSV." },
];

export default async function ReportsPage() {
  await requirePagePermission("reports:read");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Reports" description={SECTION_META.reports.description} />
      <Card>
        <ul className="divide-y divide-slate-100">
          {REPORTS.map((r) => (
            <li key={r.href}>
              <Link href={r.href} className="flex items-center gap-3 px-5 py-4 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600">
                <r.icon className="size-5 text-slate-500" aria-hidden="true" />
                <span className="flex-1">
                  <span className="block text-sm font-medium text-slate-900">{r.title}</span>
                  <span className="block text-[13px] text-slate-600">{r.detail}</span>
                </span>
                <ChevronRight className="size-4 text-slate-400" aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
