// The "set your password" and "forgot password" forms' input, shared by the browser (instant
// feedback) and the server (the check itself). No server imports: the forms bundle this file.
import { z } from "zod";

export const MIN_PASSWORD = 10;

export const setPasswordSchema = z
  .object({
    token: z.string().min(20, "This link is incomplete; open the whole link from your invitation.").max(200),
    password: z
      .string()
      .min(MIN_PASSWORD, `Choose a password of at least ${MIN_PASSWORD} characters.`)
      .max(1024, "That password is too long (at most 1,024 characters)."),
    confirm: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords are not the same; type it again." });

export const forgotSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address, like name@university.edu").max(254),
});
