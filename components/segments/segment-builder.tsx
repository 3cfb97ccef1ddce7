"use client";

import { Plus, Trash2, UsersRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState, useTransition } from "react";
import { countSegmentAction, createSegmentAction, updateSegmentAction } from "@/app/(console)/segments/actions";
import { formatPoints } from "@/components/programs/format";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { SegmentDefinition } from "@/lib/segments/definition";
import { initialState, toDefinition, type BuilderAttribute, type BuilderState } from "./builder-state";

export type BuilderProgramme = { id: string; name: string; currency: string; tiers: { id: string; name: string }[] };

type Count = { state: "idle" | "counting" | "done" | "error"; count?: number; ms?: number; message?: string };

/**
 * The segment builder: conditions on programme, tiers, spend in a window and member attributes (all
 * must hold), with a live count of the members they match, then save (new) or save changes (edit).
 */
export function SegmentBuilder({
  programmes,
  currencies,
  initial,
}: {
  programmes: BuilderProgramme[];
  currencies: string[];
  initial?: { segmentId: string; version: number; name: string; description: string; definition: SegmentDefinition };
}) {
  const router = useRouter();
  const defaultCurrency = currencies[0] ?? programmes[0]?.currency ?? "INR";
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [state, setState] = useState<BuilderState>(() => initialState(initial?.definition ?? {}, defaultCurrency));
  const [count, setCount] = useState<Count>({ state: "idle" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formMessage, setFormMessage] = useState<string>();
  const [saving, startSaving] = useTransition();
  const built = useMemo(() => toDefinition(state), [state]);
  const definitionJson = built.ok ? JSON.stringify(built.definition) : null;
  const programme = programmes.find((p) => p.id === state.programId);
  const set = (patch: Partial<BuilderState>) => setState((s) => ({ ...s, ...patch }));

  // The live count: asked for 400 ms after the last change; an older answer never replaces a newer one.
  useEffect(() => {
    if (definitionJson === null) return;
    let current = true;
    const timer = setTimeout(async () => {
      setCount((c) => ({ ...c, state: "counting" }));
      const data = new FormData();
      data.set("definition", definitionJson);
      const result = await countSegmentAction(undefined, data);
      if (!current) return;
      setCount(result.success && result.data ? { state: "done", count: result.data.count, ms: result.data.ms } : { state: "error", message: result.message });
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [definitionJson]);

  const setAttribute = (i: number, patch: Partial<BuilderAttribute>) => set({ attributes: state.attributes.map((a, j) => (j === i ? { ...a, ...patch } : a)) });

  const save = () => {
    if (!built.ok) {
      setFormMessage(built.problem);
      return;
    }
    startSaving(async () => {
      const data = new FormData();
      data.set("name", name);
      data.set("description", description);
      data.set("definition", JSON.stringify(built.definition));
      if (initial) {
        data.set("segmentId", initial.segmentId);
        data.set("version", String(initial.version));
      }
      const result = initial ? await updateSegmentAction(undefined, data) : await createSegmentAction(undefined, data);
      if (result.success && result.data) {
        toast.success(result.message ?? "Saved.");
        router.push(`/segments/${result.data.segmentId}`);
        router.refresh();
      } else {
        setErrors(result.errors ?? {});
        setFormMessage(result.message);
      }
    });
  };

  return (
    <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader>
            <CardTitle>Name</CardTitle>
            <CardDescription>How the segment appears in offer targeting and reports.</CardDescription>
          </CardHeader>
          <div className="grid gap-4 p-5 sm:grid-cols-2">
            <FormField label="Name" error={errors.name}>
              <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="High spenders, Gold" />
            </FormField>
            <FormField label="Description (optional)" error={errors.description}>
              <Textarea value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} rows={1} placeholder="Who these members are and what they are for" />
            </FormField>
          </div>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Programme and tiers</CardTitle>
            <CardDescription>Members enrolled in the programme; with tiers, only members in one of them.</CardDescription>
          </CardHeader>
          <div className="flex flex-col gap-3 p-5">
            <FormField label="Programme" className="max-w-sm">
              <Select value={state.programId} onChange={(e) => set({ programId: e.target.value, tierIds: [] })}>
                <option value="">Any programme</option>
                {programmes.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
            </FormField>
            {programme && (
              <fieldset className="flex flex-col gap-1.5">
                <legend className="mb-1.5 text-[13px] font-medium text-slate-700">Tiers</legend>
                <div className="flex flex-wrap gap-x-5 gap-y-2 rounded-md border border-slate-200 p-2.5">
                  {programme.tiers.map((t) => (
                    <label key={t.id} className="flex cursor-pointer items-center gap-2 text-[13px] text-slate-800">
                      <Checkbox
                        checked={state.tierIds.includes(t.id)}
                        onChange={(e) => set({ tierIds: e.target.checked ? [...state.tierIds, t.id] : state.tierIds.filter((id) => id !== t.id) })}
                      />
                      {t.name}
                    </label>
                  ))}
                </div>
                <p className="text-xs text-slate-500">{state.tierIds.length === 0 ? "No tier chosen: members of every tier." : "Only members in the chosen tiers."}</p>
              </fieldset>
            )}
          </div>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Spend</CardTitle>
            <CardDescription>Net card spend (purchases minus refunds) over whole months, from the spend rollup.</CardDescription>
          </CardHeader>
          <div className="flex flex-col gap-3 p-5">
            <label className="flex cursor-pointer items-center gap-2 text-[13px] text-slate-800">
              <Checkbox checked={state.spendOn} onChange={(e) => set({ spendOn: e.target.checked })} />
              Only members whose spend is…
            </label>
            {state.spendOn && (
              <div className="grid gap-3 sm:grid-cols-[9rem_minmax(0,1fr)_7rem]">
                <FormField label="Condition">
                  <Select value={state.spendOp} onChange={(e) => set({ spendOp: e.target.value as BuilderState["spendOp"] })}>
                    <option value="gte">at least</option>
                    <option value="lte">at most</option>
                  </Select>
                </FormField>
                <FormField label="Amount">
                  <Input inputMode="decimal" value={state.spendAmount} onChange={(e) => set({ spendAmount: e.target.value })} placeholder="50,000.00" />
                </FormField>
                <FormField label="Currency">
                  <Select value={state.spendCurrency} onChange={(e) => set({ spendCurrency: e.target.value })}>
                    {[...new Set([...currencies, state.spendCurrency])].map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </Select>
                </FormField>
                <FormField label="Window">
                  <Select value={state.windowKind} onChange={(e) => set({ windowKind: e.target.value as BuilderState["windowKind"] })}>
                    <option value="last_months">last months</option>
                    <option value="months">from … to</option>
                  </Select>
                </FormField>
                {state.windowKind === "last_months" ? (
                  <FormField label="Months" hint="This month and the ones before it.">
                    <Input type="number" min={1} max={36} value={state.lastMonths} onChange={(e) => set({ lastMonths: e.target.value })} />
                  </FormField>
                ) : (
                  <div className="grid grid-cols-2 gap-3 sm:col-span-2">
                    <FormField label="First month">
                      <Input type="month" value={state.fromMonth} onChange={(e) => set({ fromMonth: e.target.value })} />
                    </FormField>
                    <FormField label="Last month">
                      <Input type="month" value={state.toMonth} onChange={(e) => set({ toMonth: e.target.value })} />
                    </FormField>
                  </div>
                )}
              </div>
            )}
          </div>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Member attributes</CardTitle>
            <CardDescription>Conditions on the member’s profile attributes (as sent at enrolment), e.g. segment is salaried.</CardDescription>
          </CardHeader>
          <div className="flex flex-col gap-3 p-5">
            {state.attributes.length === 0 && <p className="text-[13px] text-slate-500">No attribute conditions: a member’s attributes do not matter.</p>}
            {state.attributes.map((a, i) => (
              <div key={i} className="grid items-start gap-2 sm:grid-cols-[minmax(0,1fr)_9rem_minmax(0,1fr)_auto]">
                <FormField label={`Condition ${i + 1}: attribute`}>
                  <Input value={a.key} onChange={(e) => setAttribute(i, { key: e.target.value })} placeholder="segment" spellCheck={false} />
                </FormField>
                <FormField label="Is">
                  <Select value={a.op} onChange={(e) => setAttribute(i, { op: e.target.value as BuilderAttribute["op"] })}>
                    <option value="eq">equal to</option>
                    <option value="neq">not equal to</option>
                    <option value="exists">present</option>
                  </Select>
                </FormField>
                <FormField label="Value">
                  <Input value={a.op === "exists" ? "" : a.value} disabled={a.op === "exists"} onChange={(e) => setAttribute(i, { value: e.target.value })} placeholder={a.op === "exists" ? "any value" : "salaried"} />
                </FormField>
                <Button variant="ghost" size="icon" className="sm:mt-6" aria-label={`Remove condition ${i + 1}`} onClick={() => set({ attributes: state.attributes.filter((_, j) => j !== i) })}>
                  <Trash2 aria-hidden="true" />
                </Button>
              </div>
            ))}
            <div>
              <Button variant="secondary" size="sm" disabled={state.attributes.length >= 20} onClick={() => set({ attributes: [...state.attributes, { key: "", op: "eq", value: "" }] })}>
                <Plus aria-hidden="true" /> Add attribute condition
              </Button>
            </div>
          </div>
        </Card>
      </div>

      <Card className="flex flex-col gap-3 p-5 lg:sticky lg:top-4">
        <div className="flex items-center gap-2 text-[13px] font-medium text-slate-700">
          <UsersRound className="size-4 text-slate-500" aria-hidden="true" /> Members matching now
        </div>
        <p className="text-3xl font-semibold text-slate-900 tabular-nums" aria-live="polite" data-testid="segment-count">
          {!built.ok ? "—" : count.count === undefined ? "…" : formatPoints(count.count)}
        </p>
        <p className="text-xs text-slate-500">
          {!built.ok
            ? built.problem
            : count.state === "counting"
              ? "Counting…"
              : count.state === "error"
                ? (count.message ?? "The count failed.")
                : count.state === "done"
                  ? `Counted in ${formatPoints(count.ms ?? 0)} ms. Spend is as of the last report refresh.`
                  : "Counting…"}
        </p>
        <FormMessage message={formMessage} />
        {errors.definition && <FormMessage message={errors.definition.join(" ")} />}
        <Button onClick={save} loading={saving} disabled={saving}>
          {initial ? "Save changes" : "Save segment"}
        </Button>
        <p className="text-xs text-slate-500">Saving lists the members now; the worker brings the list up to date every 5 minutes.</p>
      </Card>
    </div>
  );
}
