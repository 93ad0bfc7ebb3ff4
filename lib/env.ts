// All settings, read once and validated with zod. A missing or bad setting stops the process at
// start with a message naming it (see formatEnvError), instead of failing later in a request.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const boolFlag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : ["1", "true", "yes"].includes(v)));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    DATA_DIR: z.string().default(".data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("localhost"),
    NEXTAUTH_URL: optionalString.pipe(z.url("must be the site's public URL, e.g. https://course.example.edu").optional()),
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)").optional()),
    OIDC_ISSUER: optionalString.pipe(z.url("must be the OIDC issuer URL").optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().default("Single sign-on"),
    GRADER_POOL_SIZE: z.coerce.number().int().min(1).max(64).optional(),
    EMBEDDED_WORKER: boolFlag,
    SEED_DEMO: boolFlag,
    DEMO_PASSWORD: optionalString.pipe(z.string().min(8, "must be at least 8 characters").optional()),
    ASSIGNMENTS_DIR: z.string().default("assignments"),
    /** Course folders synced at start, comma-separated; default: ASSIGNMENTS_DIR (itself "assignments"). */
    COURSE_DIRS: optionalString,
    SMTP_URL: optionalString.pipe(
      z
        .string()
        .regex(/^smtps?:\/\/[^/\s]+/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.uni.edu:465")
        .optional(),
    ),
    SMTP_FROM: optionalString.pipe(
      z
        .string()
        .regex(/^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, e.g. course@uni.edu or "ML theory <course@uni.edu>"')
        .optional(),
    ),
    LTI_POLL_MS: z.coerce.number().int().min(100, "must be at least 100 (milliseconds)").default(15_000),
    COURSE_SLUG: z
      .string()
      .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes")
      .default("ml-theory"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message: "set all three of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none",
      });
    }
    if (Boolean(env.SMTP_URL) !== Boolean(env.SMTP_FROM)) {
      ctx.addIssue({
        code: "custom",
        path: [env.SMTP_URL ? "SMTP_FROM" : "SMTP_URL"],
        message: "set both SMTP_URL and SMTP_FROM to send mail, or neither (links are then shown to staff)",
      });
    }
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required in production with DATABASE_URL (generate one: openssl rand -base64 32)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function formatEnvError(error: z.ZodError): string {
  return error.issues.map((issue) => `Setting ${issue.path.join(".") || "(environment)"} ${issue.message}`).join("\n");
}

export class EnvError extends Error {}

let cached: Env | undefined;

/** The validated settings; throws EnvError naming each bad setting. */
export function getEnv(source: Record<string, string | undefined> = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(formatEnvError(parsed.error));
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}

/** Tests change process.env between cases; production code never needs this. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** Whether invitation and reset mail is sent (else staff copy the links from the roster page). */
export function mailConfigured(env: Env = getEnv()): boolean {
  return Boolean(env.SMTP_URL && env.SMTP_FROM);
}

export function isEmbedded(env: Env = getEnv()): boolean {
  return !env.DATABASE_URL;
}
