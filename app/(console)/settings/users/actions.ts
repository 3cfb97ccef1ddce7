"use server";

import { z } from "zod";
import { createAction } from "@/lib/auth/action";
import { createUser, setUserActive, setUserPassword, updateUserRoles } from "@/lib/users";
import { createUserSchema, setPasswordSchema, updateUserRolesSchema } from "@/lib/users/schemas";

const PATH = "/settings/users";

export const createUserAction = createAction({
  permission: "users:write",
  schema: createUserSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const user = await createUser(db, actor, input);
    return { message: `${user.name} was added and can sign in now.` };
  },
});

export const updateUserRolesAction = createAction({
  permission: "users:write",
  schema: updateUserRolesSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const user = await updateUserRoles(db, actor, input);
    return { message: `Roles of ${user.name} were updated.` };
  },
});

const setActiveSchema = z.object({
  userId: z.string().uuid(),
  active: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const setUserActiveAction = createAction({
  permission: "users:write",
  schema: setActiveSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    const user = await setUserActive(db, actor, input);
    return { message: user.active ? `${user.name} was reactivated and can sign in again.` : `${user.name} was deactivated and signed out.` };
  },
});

export const resetPasswordAction = createAction({
  permission: "users:write",
  schema: setPasswordSchema,
  revalidate: [PATH],
  handler: async ({ input, actor, db }) => {
    await setUserPassword(db, actor, input);
    return { message: "The password was changed and their open sessions ended. Share it with the person securely." };
  },
});
