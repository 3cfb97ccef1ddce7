import "server-only";
import type { DbOrTx } from "@/db";
import { readId, readRange, type ParamError } from "@/lib/reports/offers/params";
import { reportPrograms } from "@/lib/reports/offers/queries";
import type { AwardDay } from "@/lib/reports/offers/compute";
import type { ReportRange } from "@/lib/reports/range";
import { findPartnerSubject, partnerBlockUsage, partnerCreditDays, type BlockUsage, type PartnerSubject } from "./queries";

export type PartnerDetailLoad =
  | { ok: true; partner: PartnerSubject; range: ReportRange; days: AwardDay[]; blocks: BlockUsage[] }
  | { ok: false; error: ParamError | { code: "unknown_partner"; field: string; message: string }; partner: PartnerSubject | null; range: ReportRange | null };

/** One partner's report from its id and the URL's period (page and CSV alike). */
export async function loadPartnerDetail(db: DbOrTx, partnerId: string, raw: Record<string, string | null | undefined>, now: Date): Promise<PartnerDetailLoad> {
  const id = readId({ partner: partnerId }, "partner", true);
  if (!id.ok) return { ok: false, error: id.error, partner: null, range: null };
  const [partner, { timeZone }] = await Promise.all([findPartnerSubject(db, id.id!), reportPrograms(db)]);
  if (!partner) return { ok: false, error: { code: "unknown_partner", field: "partner", message: "There is no partner with this id." }, partner: null, range: null };
  const range = readRange(raw, now, timeZone);
  if (!range.ok) return { ok: false, error: range.error, partner, range: null };
  const [days, blocks] = await Promise.all([partnerCreditDays(db, partner.id, range.range), partnerBlockUsage(db, partner.id, range.range)]);
  return { ok: true, partner, range: range.range, days, blocks };
}
