"use client";

import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_ATTRIBUTES } from "./attribute-limits";

type Row = { id: number; key: string; value: string };

/**
 * Custom attributes as name / value rows, sent as parallel attrKey[] and attrValue[] fields.
 * Rows left fully blank are ignored by the action.
 */
export function AttributeRows({ initialKeys = [], initialValues = [], error }: { initialKeys?: readonly string[]; initialValues?: readonly string[]; error?: string[] }) {
  const baseId = useId();
  const [rows, setRows] = useState<Row[]>(() => initialKeys.map((key, i) => ({ id: i, key, value: initialValues[i] ?? "" })));
  const [nextId, setNextId] = useState(initialKeys.length);
  const errorId = error?.length ? `${baseId}-error` : undefined;
  const add = () => {
    setRows((r) => [...r, { id: nextId, key: "", value: "" }]);
    setNextId((n) => n + 1);
  };
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined} className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-[13px] font-medium text-slate-700">
        Custom attributes <span className="font-normal text-slate-500">(optional, up to {MAX_ATTRIBUTES})</span>
      </legend>
      {rows.length > 0 && (
        <div className="flex flex-col gap-2" data-testid="attribute-rows">
          {rows.map((row, i) => (
            <div key={row.id} className="grid grid-cols-[1fr_1.4fr_auto] items-center gap-2">
              <Input
                name="attrKey[]"
                aria-label={`Attribute ${i + 1} name`}
                placeholder="segment"
                autoComplete="off"
                spellCheck={false}
                defaultValue={row.key}
                aria-invalid={errorId ? true : undefined}
              />
              <Input name="attrValue[]" aria-label={`Attribute ${i + 1} value`} placeholder="premium" autoComplete="off" defaultValue={row.value} />
              <Button variant="ghost" size="icon" aria-label={`Remove attribute ${i + 1}`} title="Remove" onClick={() => setRows((r) => r.filter((x) => x.id !== row.id))}>
                <X aria-hidden="true" />
              </Button>
            </div>
          ))}
        </div>
      )}
      <div className="flex items-center gap-3">
        <Button variant="secondary" size="sm" onClick={add} disabled={rows.length >= MAX_ATTRIBUTES} data-testid="add-attribute">
          <Plus aria-hidden="true" />
          Add attribute
        </Button>
        {rows.length >= MAX_ATTRIBUTES && <span className="text-xs text-slate-500">That is the most the console takes.</span>}
      </div>
      {errorId && (
        <p id={errorId} className="text-xs font-medium text-red-600">
          {error!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
