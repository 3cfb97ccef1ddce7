import { z } from "zod";

export const memberProfileSchema = z.object({
  firstName: z.string().trim().max(80).nullish(),
  lastName: z.string().trim().max(80).nullish(),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254).nullish(),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{6,20}$/, "Enter a phone number such as +91 98765 43210.").nullish(),
});

export const enrolMemberSchema = memberProfileSchema.extend({
  externalId: z.string().trim().min(1, "Enter the bank's customer id.").max(100),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  programIds: z.array(z.string().uuid()).min(1, "Choose at least one programme."),
});
export type EnrolMemberInput = z.infer<typeof enrolMemberSchema>;
