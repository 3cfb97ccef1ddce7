import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const passwordSchema = z
  .string()
  .min(12, "Use at least 12 characters.")
  .max(128, "Use at most 128 characters.");
/** An unticked checkbox group sends nothing: read that as an empty list, not a type error. */
export const rolesSchema = z.preprocess((v) => v ?? [], z.array(z.enum(ROLES)).min(1, "Choose at least one role."));

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter the person's name.").max(120),
  password: passwordSchema,
  roles: rolesSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserRolesSchema = z.object({ userId: z.string().uuid(), roles: rolesSchema });
export const userIdSchema = z.object({ userId: z.string().uuid() });
export const setPasswordSchema = z.object({ userId: z.string().uuid(), password: passwordSchema });
