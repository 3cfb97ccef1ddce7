import Link from "next/link";
import { formatPoints } from "@/components/programs/format";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Figure } from "./figure";
import type { BlockSummary } from "@/lib/partners/queries";

/** A prepaid partner's blocks at a glance: what funds earn now, the reserve behind it, and what waits for approval. */
export function BlocksSummary({ partnerId, summary, action }: { partnerId: string; summary: BlockSummary; action?: React.ReactNode }) {
  return (
    <section aria-labelledby="blocks-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="blocks-heading" className="text-base font-semibold text-slate-900">
            Point blocks
          </h2>
          <p className="text-[13px] text-slate-600">Earn transactions are funded from active prepaid blocks, oldest first, then from the reserve.</p>
        </div>
        <div className="flex items-center gap-2">
          <Link href={`/point-blocks?partnerId=${partnerId}`} className={buttonVariants({ variant: "secondary" })} data-testid="partner-blocks-link">
            All blocks
          </Link>
          {action}
        </div>
      </div>
      <Card>
        <dl className="grid divide-y divide-slate-100 sm:grid-cols-3 sm:divide-x sm:divide-y-0">
          <Figure label="Available prepaid points" hint={`${summary.activeBlocks} active block${summary.activeBlocks === 1 ? "" : "s"}`} testId="available-points">
            {formatPoints(summary.availablePoints)}
          </Figure>
          <Figure label="Reserve points" hint="Used only when prepaid blocks run out" testId="reserve-points">
            {formatPoints(summary.reservePoints)}
          </Figure>
          <Figure label="Pending approval" hint={`${summary.pendingBlocks} block${summary.pendingBlocks === 1 ? "" : "s"} waiting`} testId="pending-points">
            {formatPoints(summary.pendingPoints)}
          </Figure>
        </dl>
      </Card>
    </section>
  );
}
