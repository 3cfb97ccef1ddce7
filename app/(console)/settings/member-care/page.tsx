import type { Metadata } from "next";
import { getDb } from "@/db";
import { formatPoints } from "@/components/programs/format";
import { SettingSource } from "@/components/settings/setting-source";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/session";
import { DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD } from "@/lib/members/adjustment-schemas";
import { getAdjustmentApprovalThreshold } from "@/lib/members/adjustments";
import { loadEffectiveSettings } from "../integrations/load-settings";
import { ThresholdForm } from "./threshold-form";

export const metadata: Metadata = { title: "Member care settings" };

const KEY = "member_care.adjustment_approval_threshold";

/** Member care's rules. Readable with settings:read (admins and auditors), changed with settings:write (admins). */
export default async function MemberCareSettingsPage() {
  const user = await requirePagePermission("settings:read");
  const db = getDb();
  const [settings, threshold] = await Promise.all([loadEffectiveSettings(db, { [KEY]: String(DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD) }), getAdjustmentApprovalThreshold(db)]);
  const setting = settings[KEY];
  const unusable = setting.value !== String(threshold);

  return (
    <section aria-labelledby="member-care-heading" className="flex flex-col gap-4">
      <PageHeader level={2} title={<span id="member-care-heading">Member care</span>} description="How far an agent may go alone when fixing a member’s points." />
      <Card className="max-w-3xl">
        <CardHeader>
          <CardTitle>Goodwill adjustment approval</CardTitle>
          <CardDescription>
            Agents credit or debit points with a reason and a note. Above this threshold the adjustment waits until another member care user approves it (maker-checker), and nothing reaches the ledger before.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <dl className="grid gap-x-6 gap-y-3 rounded-md border border-slate-200 bg-slate-50/60 px-4 py-3 text-[13px] sm:grid-cols-[8rem_1fr]" data-testid="threshold-in-use">
            <dt className="text-slate-500">In use</dt>
            <dd className="flex flex-col gap-1">
              <span className="text-slate-900 tabular-nums">
                {threshold === 0 ? "0 points: every adjustment needs approval" : `Up to ${formatPoints(threshold)} points post at once`}
              </span>
              <SettingSource setting={setting} />
              {unusable && (
                <span className="text-xs font-medium text-amber-800">
                  “{setting.value}” is not a whole number of points, so the built-in {formatPoints(DEFAULT_ADJUSTMENT_APPROVAL_THRESHOLD)} applies.
                </span>
              )}
            </dd>
          </dl>
          {can(user.roles, "settings:write") ? <ThresholdForm threshold={threshold} /> : <p className="text-[13px] text-slate-600">Only an administrator can change this threshold.</p>}
        </CardContent>
      </Card>
    </section>
  );
}
