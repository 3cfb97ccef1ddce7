"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { ArrowLeft, Plus, ShieldCheck, TriangleAlert } from "lucide-react";
import { useState, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import type { FormState } from "@/components/forms/use-form-action";
import { formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { ADJUSTMENT_REASONS, adjustmentPointsSchema, adjustmentRequestSchema, MAX_ADJUSTMENT_NOTE, needsApproval, reasonLabel } from "@/lib/members/adjustment-schemas";
import { requestAdjustmentAction } from "@/app/(console)/members/[memberId]/adjustments/actions";

export type AdjustableProgramme = { id: string; code: string; name: string; current: number };

type Values = { programId: string; direction: "credit" | "debit"; points: string; reasonCode: string; note: string };
type Field = keyof Values;
const FIELDS: Field[] = ["programId", "direction", "points", "reasonCode", "note"];

/** The same rules as the server action (which checks them again), with the typed strings kept as typed. */
const resolver = zodResolver(adjustmentRequestSchema.omit({ memberId: true }), undefined, { raw: true }) as unknown as Resolver<Values>;

const pointsOf = (typed: string): number | null => {
  const parsed = adjustmentPointsSchema.safeParse(typed);
  return parsed.success ? parsed.data : null;
};

/**
 * "New adjustment": credit or debit one of the member's programmes with a reason and a note. Says
 * whether it will post at once or wait for approval, and asks for confirmation before sending.
 */
export function NewAdjustmentDialog({ memberId, memberLabel, programmes, threshold }: { memberId: string; memberLabel: string; programmes: AdjustableProgramme[]; threshold: number }) {
  const [open, setOpen] = useState(false);
  const none = programmes.length === 0;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="new-adjustment" disabled={none} title={none ? "The member is not enrolled in any programme" : undefined}>
          <Plus aria-hidden="true" />
          New adjustment
        </Button>
      </DialogTrigger>
      {open && <AdjustmentForm memberId={memberId} memberLabel={memberLabel} programmes={programmes} threshold={threshold} onDone={() => setOpen(false)} />}
    </Dialog>
  );
}

function AdjustmentForm({ memberId, memberLabel, programmes, threshold, onDone }: { memberId: string; memberLabel: string; programmes: AdjustableProgramme[]; threshold: number; onDone: () => void }) {
  const [step, setStep] = useState<"edit" | "confirm">("edit");
  const [message, setMessage] = useState<string>();
  const [pending, startTransition] = useTransition();
  const form = useForm<Values>({
    resolver,
    defaultValues: { programId: programmes.length === 1 ? programmes[0]!.id : "", direction: "credit", points: "", reasonCode: "", note: "" },
  });
  const { register, formState, control } = form;
  const errors = formState.errors;
  const watched = useWatch({ control });
  const values: Values = { programId: watched.programId ?? "", direction: watched.direction ?? "credit", points: watched.points ?? "", reasonCode: watched.reasonCode ?? "", note: watched.note ?? "" };
  const programme = programmes.find((p) => p.id === values.programId);
  const points = pointsOf(values.points);
  const approval = points !== null && needsApproval(points, threshold);
  const credit = values.direction === "credit";

  const review = form.handleSubmit(() => {
    setMessage(undefined);
    setStep("confirm");
  });

  const send = () =>
    startTransition(async () => {
      const data = new FormData();
      data.set("memberId", memberId);
      for (const [k, v] of Object.entries(form.getValues())) data.set(k, v);
      let result: FormState<{ status: string }>;
      try {
        result = await requestAdjustmentAction(undefined, data);
      } catch {
        result = { success: false, message: "The server could not be reached. Check your connection and try again." };
      }
      if (result.success) {
        toast.success(result.message ?? "Done.");
        return onDone();
      }
      // Back to the form, with the server's reasons next to their fields.
      const onForm = Object.entries(result.errors ?? {}).filter(([field]) => FIELDS.includes(field as Field));
      for (const [field, messages] of onForm) form.setError(field as Field, { type: "server", message: messages.join(" ") });
      setMessage(onForm.length > 0 ? undefined : result.message);
      setStep("edit");
    });

  const amount = points === null ? "" : `${formatPoints(points)} ${points === 1 ? "point" : "points"}`;
  return (
    <DialogContent size="md" onInteractOutside={(event) => event.preventDefault()}>
      {step === "edit" ? (
        <form onSubmit={review} noValidate className="flex min-h-0 flex-col" aria-label="New adjustment">
          <DialogHeader>
            <DialogTitle>New adjustment for {memberLabel}</DialogTitle>
            <DialogDescription>Credit or debit points with a reason. Adjustments above {formatPoints(threshold)} points wait for another member care user’s approval.</DialogDescription>
          </DialogHeader>
          <DialogBody>
            <FormMessage message={message} />
            <FormField label="Programme" error={errors.programId?.message}>
              <Select {...register("programId")} data-testid="adjustment-programme">
                <option value="">Choose a programme…</option>
                {programmes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.code}) · {formatPoints(p.current)} points now
                  </option>
                ))}
              </Select>
            </FormField>
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Direction</legend>
              <div className="inline-flex w-fit rounded-md border border-slate-300 p-0.5" role="presentation">
                {(["credit", "debit"] as const).map((d) => (
                  <label
                    key={d}
                    className={cn(
                      "flex cursor-pointer items-center gap-1.5 rounded px-3 py-1 text-[13px] font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-600",
                      values.direction === d ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    <input type="radio" value={d} {...register("direction")} className="sr-only" />
                    {d === "credit" ? "Credit" : "Debit"}
                  </label>
                ))}
              </div>
              <p className="text-xs text-slate-500">{credit ? "Adds points to the member’s balance, in a new lot." : "Takes points away, earliest-expiring first, as a redemption would."}</p>
            </fieldset>
            <FormField
              label="Points"
              hint={!credit && programme ? `The member has ${formatPoints(programme.current)} points in ${programme.code}; a debit cannot take more than they can spend.` : "A whole number of points, at most 10,000,000."}
              error={errors.points?.message}
            >
              <Input {...register("points")} inputMode="numeric" autoComplete="off" placeholder="500" className="w-48 tabular-nums" />
            </FormField>
            <FormField label="Reason" error={errors.reasonCode?.message}>
              <Select {...register("reasonCode")} data-testid="adjustment-reason">
                <option value="">Choose a reason…</option>
                {Object.entries(ADJUSTMENT_REASONS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </Select>
            </FormField>
            <FormField label="Note" hint={`What happened, for the member’s record and the approver. ${values.note.length.toLocaleString("en-GB")} / ${MAX_ADJUSTMENT_NOTE}`} error={errors.note?.message}>
              <Textarea {...register("note")} rows={3} maxLength={MAX_ADJUSTMENT_NOTE} placeholder="e.g. Flight AI 302 on 3 March missing from the statement" />
            </FormField>
            {points !== null && <ApprovalNotice approval={approval} threshold={threshold} />}
          </DialogBody>
          <DialogFooter>
            <Button type="submit" data-testid="review-adjustment">
              Review
            </Button>
            <Button variant="secondary" onClick={onDone}>
              Cancel
            </Button>
          </DialogFooter>
        </form>
      ) : (
        <div className="flex min-h-0 flex-col" role="group" aria-label="Confirm the adjustment">
          <DialogHeader>
            <DialogTitle>
              {credit ? "Credit" : "Debit"} {amount} {credit ? "to" : "from"} {memberLabel}?
            </DialogTitle>
            <DialogDescription>Check the details. {approval ? "Once sent, only an approver can decide on it." : "Once posted, it cannot be undone; a mistake needs an opposite adjustment."}</DialogDescription>
          </DialogHeader>
          <DialogBody className="gap-3">
            <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 rounded-md border border-slate-200 bg-slate-50/60 px-4 py-3 text-[13px]" data-testid="adjustment-summary">
              <dt className="text-slate-500">Programme</dt>
              <dd className="text-slate-900">
                {programme?.name} ({programme?.code})
              </dd>
              <dt className="text-slate-500">Change</dt>
              <dd className={cn("font-medium tabular-nums", credit ? "text-emerald-700" : "text-red-700")}>
                {credit ? "+" : "−"}
                {amount}
              </dd>
              {programme && (
                <>
                  <dt className="text-slate-500">Balance</dt>
                  <dd className="text-slate-900 tabular-nums">
                    {formatPoints(programme.current)} → {formatPoints(programme.current + (credit ? 1 : -1) * (points ?? 0))} points{approval ? " once approved" : ""}
                  </dd>
                </>
              )}
              <dt className="text-slate-500">Reason</dt>
              <dd className="text-slate-900">{reasonLabel(values.reasonCode)}</dd>
              <dt className="text-slate-500">Note</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">{values.note.trim()}</dd>
            </dl>
            <ApprovalNotice approval={approval} threshold={threshold} />
          </DialogBody>
          <DialogFooter>
            <Button onClick={send} loading={pending} data-testid="confirm-adjustment">
              {approval ? "Send for approval" : credit ? "Post credit" : "Post debit"}
            </Button>
            <Button variant="secondary" onClick={() => setStep("edit")} disabled={pending}>
              <ArrowLeft aria-hidden="true" />
              Back
            </Button>
          </DialogFooter>
        </div>
      )}
    </DialogContent>
  );
}

function ApprovalNotice({ approval, threshold }: { approval: boolean; threshold: number }) {
  const Icon = approval ? ShieldCheck : TriangleAlert;
  return (
    <p
      className={cn("flex gap-2 rounded-md px-3 py-2 text-[13px] ring-1 ring-inset", approval ? "bg-indigo-50 text-indigo-900 ring-indigo-200" : "bg-amber-50 text-amber-900 ring-amber-200")}
      data-testid="approval-notice"
      aria-live="polite"
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
      {approval
        ? `Needs approval: above the ${formatPoints(threshold)}-point threshold, another member care user must approve it before the points move.`
        : `Posts at once: within the ${formatPoints(threshold)}-point threshold, no approval is needed. It cannot be undone.`}
    </p>
  );
}
