import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { Card } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-field";
import { Logo } from "@/components/console/logo";
import { signInWithSsoAction } from "./actions";
import { safeCallbackUrl } from "./callback-url";
import { SignInForm } from "./sign-in-form";
import { SsoButton } from "./sso-button";

export const metadata: Metadata = { title: "Sign in" };

const ERROR_MESSAGES: Record<string, string> = {
  sso_not_allowed: "Your single sign-on account has no access to Coalition. Ask an administrator to add you as a user.",
  AccessDenied: "Access was denied. Ask an administrator to check your account.",
  Configuration: "Sign-in is not configured correctly on this server. Contact your administrator.",
  OAuthCallbackError: "Single sign-on did not complete. Try again.",
  OAuthSignInError: "Single sign-on could not start. Try again.",
};

function ssoName(): string | null {
  const { AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_OIDC_NAME } = process.env;
  if (!AUTH_OIDC_ISSUER || !AUTH_OIDC_CLIENT_ID || !AUTH_OIDC_CLIENT_SECRET) return null;
  return AUTH_OIDC_NAME || "Bank single sign-on";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const errorCode = typeof params.error === "string" ? params.error : undefined;
  const errorMessage = errorCode ? (ERROR_MESSAGES[errorCode] ?? "Sign-in failed. Try again.") : undefined;
  const sso = ssoName();

  return (
    <div className="w-full max-w-sm">
      <div className="mb-6 flex flex-col items-center gap-3 text-center">
        <Logo size="lg" />
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in to Coalition</h1>
          <p className="mt-1 text-[13px] text-slate-600">Loyalty engine and admin console</p>
        </div>
      </div>
      <Card className="flex flex-col gap-4 p-6">
        <FormMessage message={errorMessage} />
        {sso && (
          <>
            <form action={signInWithSsoAction}>
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <SsoButton label={`Sign in with ${sso}`} />
            </form>
            <div className="flex items-center gap-3 text-xs text-slate-500" role="separator" aria-label="or">
              <span className="h-px flex-1 bg-slate-200" />
              or with your password
              <span className="h-px flex-1 bg-slate-200" />
            </div>
          </>
        )}
        <SignInForm callbackUrl={callbackUrl} />
      </Card>
      <p className="mt-6 text-center text-xs text-slate-500">Access is limited to authorised staff. Sign-ins are recorded.</p>
    </div>
  );
}
