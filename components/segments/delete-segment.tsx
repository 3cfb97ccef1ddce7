"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { deleteSegmentAction } from "@/app/(console)/segments/actions";
import type { ActionState } from "@/lib/auth/action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/** Deletes the segment after a confirmation, then goes back to the list. Refused while an offer targets it. */
export function DeleteSegmentButton({ segmentId, name, targetedBy }: { segmentId: string; name: string; targetedBy: number }) {
  const router = useRouter();
  const action = async (prev: ActionState<undefined> | undefined, form: FormData) => {
    const result = await deleteSegmentAction(prev, form);
    if (result.success) router.push("/segments");
    return result;
  };
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      }
      title={`Delete ${name}?`}
      consequence={
        targetedBy > 0
          ? `${targetedBy === 1 ? "An offer targets" : `${targetedBy} offers target`} this segment, so it cannot be deleted: end those offers or change their member filters first.`
          : "The segment and its member list are removed. Members themselves are not changed. This cannot be undone."
      }
      confirmLabel="Delete segment"
      action={action}
      fields={{ segmentId }}
      successMessage="The segment was deleted."
    />
  );
}
