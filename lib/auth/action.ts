import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb, type Db } from "@/db";
import type { Actor } from "@/lib/actor";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { formDataToObject } from "./form-data";
import { can, type Permission } from "./permissions";
import { getCurrentUser, userActor, type SessionUser } from "./session";

/** What every server action returns; `values` keeps what was typed when the form comes back with errors. */
export type ActionState<TData = unknown> = {
  success: boolean;
  message?: string;
  code?: string;
  errors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
  data?: TData;
};

export const initialActionState: ActionState = { success: false };

type Handler<TSchema extends z.ZodType, TData> = (ctx: {
  input: z.infer<TSchema>;
  user: SessionUser;
  actor: Actor;
  db: Db;
}) => Promise<{ data?: TData; message?: string }>;

/**
 * The one wrapper for every server action: session → permission → zod parse → use case →
 * typed result. No exported action bypasses it.
 */
export function createAction<TSchema extends z.ZodType, TData = undefined>(options: {
  permission: Permission;
  schema: TSchema;
  handler: Handler<TSchema, TData>;
  revalidate?: string[];
}) {
  return async function action(_prev: ActionState<TData> | undefined, formData: FormData): Promise<ActionState<TData>> {
    const values = formDataToObject(formData);
    const safeValues = Object.fromEntries(Object.entries(values).filter(([k]) => !/password|secret/i.test(k)));
    const user = await getCurrentUser();
    if (!user) return { success: false, code: "unauthenticated", message: "Your session has ended. Sign in again.", values: safeValues };
    if (!can(user.roles, options.permission)) {
      return { success: false, code: "forbidden", message: "Your role does not allow this action.", values: safeValues };
    }
    const parsed = options.schema.safeParse(values);
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "form");
        (errors[field] ??= []).push(issue.message);
      }
      return { success: false, code: "validation_failed", message: "Check the highlighted fields.", errors, values: safeValues };
    }
    try {
      const result = await options.handler({ input: parsed.data, user, actor: userActor(user), db: getDb() });
      for (const path of options.revalidate ?? []) revalidatePath(path);
      return { success: true, message: result.message, data: result.data };
    } catch (error) {
      if (isDomainError(error)) {
        const field = typeof error.details.field === "string" ? error.details.field : undefined;
        return {
          success: false,
          code: error.code,
          message: error.message,
          errors: field ? { [field]: [error.message] } : undefined,
          values: safeValues,
        };
      }
      logger.error({ err: error }, "server action failed");
      return { success: false, code: "internal_error", message: "Something went wrong on our side. Nothing was changed.", values: safeValues };
    }
  };
}
