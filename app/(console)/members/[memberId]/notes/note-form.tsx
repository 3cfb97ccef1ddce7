"use client";

import { MessageSquarePlus } from "lucide-react";
import { useRef, useState } from "react";
import { useFormAction, valueOf } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormField, FormMessage } from "@/components/ui/form-field";
import { Textarea } from "@/components/ui/textarea";
import { MAX_MEMBER_NOTE } from "@/lib/members/adjustment-schemas";
import { addNoteAction } from "./actions";

const n = (value: number) => value.toLocaleString("en-GB");

/** A new note: a textarea with a live character count; cleared once saved. */
export function NoteForm({ memberId }: { memberId: string }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [length, setLength] = useState(0);
  const [state, formAction, pending] = useFormAction(addNoteAction, {
    onSuccess: () => {
      formRef.current?.reset();
      setLength(0);
    },
  });
  const errors = state.success ? undefined : state.errors;
  const over = length > MAX_MEMBER_NOTE;
  return (
    <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-3" aria-label="Add a note">
      <input type="hidden" name="memberId" value={memberId} />
      <FormMessage message={!state.success && !errors ? state.message : undefined} />
      <FormField
        label="New note"
        hint={
          <span className={cn("tabular-nums", over && "font-medium text-red-600")} data-testid="note-count">
            {n(length)} / {n(MAX_MEMBER_NOTE)} characters
          </span>
        }
        error={errors?.body}
      >
        <Textarea
          name="body"
          rows={3}
          defaultValue={valueOf(state, "body")}
          onChange={(e) => setLength(e.target.value.trim().length)}
          placeholder="e.g. Called about the missing March flight points; sent the boarding pass to the partner."
        />
      </FormField>
      <div>
        <Button type="submit" loading={pending} disabled={length === 0 || over} data-testid="add-note">
          {!pending && <MessageSquarePlus aria-hidden="true" />}
          Add note
        </Button>
      </div>
    </form>
  );
}
