import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { formatPoints, sumBig } from "@/components/programs/format";
import { PageHeader } from "@/components/ui/page-header";
import { TabsNav } from "@/components/ui/tabs-nav";
import { memberName } from "./member-name";

/**
 * The top of every member tab: back to the list, who the member is, their current points in all
 * programmes, and the tabs.
 */
export function MemberHeader({
  member,
  balances,
}: {
  member: { id: string; externalId: string; firstName: string | null; lastName: string | null };
  balances: readonly { current: number }[];
}) {
  const name = memberName(member);
  const current = sumBig(balances.map((b) => b.current));
  const base = `/members/${member.id}`;
  return (
    <div className="flex flex-col gap-3">
      <Link href="/members" className="inline-flex w-fit items-center gap-1 text-[13px] text-slate-600 hover:text-slate-900">
        <ArrowLeft className="size-3.5" aria-hidden="true" /> Members
      </Link>
      <PageHeader
        title={name ?? member.externalId}
        description={
          <>
            <span className="font-mono">{member.externalId}</span> · {formatPoints(current)} current {current === 1n ? "point" : "points"} in {balances.length}{" "}
            {balances.length === 1 ? "programme" : "programmes"}
          </>
        }
      />
      <TabsNav
        label="Member"
        tabs={[
          { label: "Overview", href: base },
          { label: "Timeline", href: `${base}/timeline` },
          { label: "Fulfilments", href: `${base}/fulfilments` },
          { label: "Adjustments", href: `${base}/adjustments` },
          { label: "Notes", href: `${base}/notes` },
          { label: "Statement", href: `${base}/statement` },
        ]}
      />
    </div>
  );
}
