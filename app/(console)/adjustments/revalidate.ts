import "server-only";
import { revalidatePath } from "next/cache";

/** An adjustment changed: the approval queue and the member's tabs (balances in the header, the list). */
export function revalidateAdjustment(memberId: string): void {
  revalidatePath("/adjustments");
  revalidatePath(`/members/${memberId}`, "layout");
}
