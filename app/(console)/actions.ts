"use server";

import { signOut } from "@/lib/auth/auth";

/**
 * Signs out. Not built with createAction: it needs no permission, and must work even for a user
 * who was just deactivated.
 */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
