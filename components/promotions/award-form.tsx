"use client";

import { Gift } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import type { MemberSuggestion } from "@/components/members/member-combobox";
import { formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { MemberPicker } from "./member-picker";

export type ProgramOption = { id: string; code: string; name: string; timeZone: string; strategies: { id: string; name: string; isDefault: boolean }[] };
type Review = { fields: Record<string, string>; member: MemberSuggestion; program: ProgramOption; strategy: string; points: number };

/** The day in the browser's calendar, for the awarded date's upper bound ("not in the future"). */
const today = () => new Date().toLocaleDateString("en-CA");

/**
 * Promotional points for one member: member, programme, points, reason, expiry strategy and an
 * optional awarded date in the past. Reviewed in a confirmation before anything is written.
 */
export function AwardPromotionForm({ programs, action }: { programs: ProgramOption[]; action: FormAction<{ entryId: number }> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [member, setMember] = useState<MemberSuggestion | null>(null);
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [review, setReview] = useState<Review | null>(null);
  // Bumped after an award: the member search starts empty again.
  const [round, setRound] = useState(0);
  const program = programs.find((p) => p.id === programId);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const fields = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
    const found: Record<string, string> = {};
    const points = Number(fields.points);
    if (!member) found.member = "Choose the member (search by external id, name or email).";
    if (!program) found.programId = "Choose the programme.";
    if (!/^\d+$/.test(fields.points ?? "") || points < 1) found.points = "Enter a whole number of points above zero.";
    if ((fields.reason ?? "").trim().length < 3) found.reason = "Say why the points are given (at least 3 characters).";
    if (fields.awardedOn && fields.awardedOn > today()) found.awardedOn = "The awarded date cannot be in the future.";
    setProblems(found);
    if (Object.keys(found).length || !member || !program) return;
    const strategy = program.strategies.find((s) => s.id === fields.expiryStrategyId) ?? program.strategies.find((s) => s.isDefault);
    setReview({ fields, member, program, strategy: strategy?.name ?? "the programme's default", points });
  }

  return (
    <>
      <form ref={formRef} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Award promotional points">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="promo-member">Member</Label>
          <MemberPicker key={round} id="promo-member" name="memberId" value={member} onChange={setMember} invalid={Boolean(problems.member)} describedBy={problems.member ? "promo-member-error" : undefined} />
          {problems.member && (
            <p id="promo-member-error" className="text-xs font-medium text-red-600">
              {problems.member}
            </p>
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Programme" error={problems.programId}>
            <Select name="programId" value={programId} onChange={(e) => setProgramId(e.target.value)}>
              {programs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.code})
                </option>
              ))}
            </Select>
          </FormField>
          <FormField label="Points" error={problems.points}>
            <Input name="points" inputMode="numeric" placeholder="500" data-testid="promo-points" />
          </FormField>
        </div>
        <FormField label="Reason" hint="Shown on the member’s timeline and statement." error={problems.reason}>
          <Input name="reason" maxLength={200} placeholder="Diwali double-points campaign" />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label="Expiry strategy" hint="The expiry date derives from the awarded date.">
            <Select name="expiryStrategyId" key={programId} defaultValue="">
              <option value="">Programme default{program?.strategies.find((s) => s.isDefault) ? ` (${program.strategies.find((s) => s.isDefault)!.name})` : ""}</option>
              {program?.strategies
                .filter((s) => !s.isDefault)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </Select>
          </FormField>
          <FormField label="Awarded on (optional)" hint={`Back-dates the award to the start of that day${program ? ` in ${program.timeZone}` : ""}. Empty: now.`} error={problems.awardedOn}>
            <Input name="awardedOn" type="date" max={today()} />
          </FormField>
        </div>
        <FormField label="External reference (optional)" hint="Your id for this award: the same reference is never awarded twice in a programme.">
          <Input name="externalReference" maxLength={100} placeholder="DIWALI-2026-10042" />
        </FormField>
        <div>
          <Button type="submit" data-testid="review-award">
            <Gift aria-hidden="true" />
            Review the award
          </Button>
        </div>
      </form>
      <Dialog open={review !== null} onOpenChange={(open) => !open && setReview(null)}>
        {review && (
          <ConfirmAward
            review={review}
            action={action}
            onDone={() => {
              setReview(null);
              setMember(null);
              setRound((n) => n + 1);
              formRef.current?.reset();
            }}
            onCancel={() => setReview(null)}
          />
        )}
      </Dialog>
    </>
  );
}

function ConfirmAward({ review, action, onDone, onCancel }: { review: Review; action: FormAction<{ entryId: number }>; onDone: () => void; onCancel: () => void }) {
  const [state, formAction, pending] = useFormAction(action, { onSuccess: onDone });
  const { fields, member, program, points, strategy } = review;
  const fieldErrors = state.success ? [] : Object.values(state.errors ?? {}).flat();
  return (
    <DialogContent size="sm" role="alertdialog" hideClose onInteractOutside={(e) => e.preventDefault()}>
      <form action={formAction}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <DialogHeader className="border-none pb-0">
          <DialogTitle>
            Award {formatPoints(points)} {program.name} points?
          </DialogTitle>
        </DialogHeader>
        <DialogBody className="gap-3 pt-2">
          <DialogDescription className="text-sm text-slate-700">
            {member.name ?? "The member"} ({member.externalId}) receives {formatPoints(points)} points for “{fields.reason?.trim()}”
            {fields.awardedOn ? `, awarded on ${fields.awardedOn}` : ", awarded now"}, expiring under {strategy}. Points once awarded can only be taken back by an adjustment.
          </DialogDescription>
          <FormMessage message={state.success ? undefined : [state.message, ...fieldErrors.filter((m) => m !== state.message)].filter(Boolean).join(" ")} />
        </DialogBody>
        <DialogFooter>
          <Button type="submit" loading={pending} data-testid="confirm-award">
            Award points
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
