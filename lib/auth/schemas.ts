import { z } from "zod";

/** Messages are keys in the "signIn" namespace, translated where they are shown. */
export const signInFormSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "invalidEmail" }).max(254, { error: "invalidEmail" })),
});

export const signInRequestSchema = signInFormSchema.extend({
  callbackUrl: z
    .string()
    .refine((v) => v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\"), "relative path")
    .optional()
    .catch(undefined),
});

export type SignInFormValues = z.input<typeof signInFormSchema>;
