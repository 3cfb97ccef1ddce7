"use client";

import { useActionState } from "react";
import { toast } from "@/components/ui/toaster";

/** The shape every server action built with createAction returns (lib/auth/action.ts ActionState). */
export type FormState<TData = unknown> = {
  success: boolean;
  message?: string;
  code?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
  data?: TData;
};

export type FormAction<TData = unknown> = (prev: FormState<TData> | undefined, formData: FormData) => Promise<FormState<TData>>;

const initialState: FormState<never> = { success: false };

/**
 * useActionState around a server action: toasts on success and calls onSuccess (e.g. to close a
 * dialog). Failures stay in the returned state for the form to show inline.
 */
export function useFormAction<TData>(
  action: FormAction<TData>,
  options: { successMessage?: string; onSuccess?: (state: FormState<TData>) => void } = {},
) {
  return useActionState<FormState<TData>, FormData>(async (prev, formData) => {
    let result: FormState<TData>;
    try {
      result = await action(prev, formData);
    } catch {
      result = { success: false, code: "network_error", message: "The server could not be reached. Check your connection and try again." };
    }
    if (result.success) {
      const message = result.message ?? options.successMessage;
      if (message) toast.success(message);
      options.onSuccess?.(result);
    }
    return result;
  }, initialState);
}

/** A value the form sent back, for defaultValue after an error. */
export function valueOf(state: FormState<unknown>, name: string): string | undefined {
  const value = state.values?.[name];
  return typeof value === "string" ? value : undefined;
}

/** The values of a checkbox group the form sent back, or the fallback before the first submit. */
export function valuesOf(state: FormState<unknown>, name: string, fallback: readonly string[] = []): readonly string[] {
  if (!state.values) return fallback;
  const value = state.values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}
