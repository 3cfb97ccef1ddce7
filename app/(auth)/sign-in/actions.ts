"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackUrl } from "./callback-url";

export type SignInState = {
  message?: string;
  errors?: { email?: string[]; password?: string[] };
  values?: { email?: string };
};

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address.").email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password."),
});

/**
 * Password sign-in. Not built with createAction: there is no session yet. Redirects (success)
 * are thrown by signIn and must propagate, so only AuthError is caught.
 */
export async function signInAction(_prev: SignInState | undefined, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const redirectTo = safeCallbackUrl(formData.get("callbackUrl"));
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const errors: SignInState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !errors[field]) errors[field] = [issue.message];
    }
    return { errors, values: { email } };
  }
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error.type === "CredentialsSignin" ? (error as AuthError & { code?: string }).code : undefined;
      const message = code === "rate_limited" ? "Too many failed attempts. Wait 15 minutes and try again." : "Email or password is incorrect.";
      return { message, values: { email } };
    }
    throw error;
  }
  return {};
}

/** Starts the bank's single sign-on; the identity provider redirects back to Auth.js. */
export async function signInWithSsoAction(formData: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
}
