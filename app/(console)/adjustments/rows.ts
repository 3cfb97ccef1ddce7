import type { AdjustmentRow } from "@/components/members/adjustments-table";
import { memberName } from "@/components/members/member-name";
import type { AdjustmentListRow } from "@/lib/members/adjustment-queries";

/** The adjustments a page lists, as the table shows them (the member by name, else their bank id). */
export function adjustmentRows(rows: AdjustmentListRow[]): AdjustmentRow[] {
  return rows.map((a) => ({
    id: a.id,
    createdAt: a.createdAt,
    memberId: a.memberId,
    memberLabel: memberName({ firstName: a.memberFirstName, lastName: a.memberLastName }) ?? a.memberExternalId,
    programCode: a.programCode,
    programName: a.programName,
    direction: a.direction,
    points: a.points,
    reasonCode: a.reasonCode,
    note: a.note,
    status: a.status,
    requestedById: a.requestedById,
    requestedByLabel: a.requestedByLabel,
    decidedByLabel: a.decidedByLabel,
    decidedAt: a.decidedAt,
    decisionNote: a.decisionNote,
  }));
}
