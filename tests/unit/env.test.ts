import { describe, expect, it } from "vitest";
import { EnvError, getEnv } from "@/lib/env";

describe("settings", () => {
  it("accepts an empty environment (embedded mode) with defaults", () => {
    const env = getEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
  });
  it("names a bad DATABASE_URL", () => {
    expect(() => getEnv({ DATABASE_URL: "mysql://x" })).toThrow(/Setting DATABASE_URL must be a postgres/);
  });
  it("names a bad PORT", () => {
    expect(() => getEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => getEnv({ PORT: "eighty" })).toThrow(/Setting PORT/);
  });
  it("requires NEXTAUTH_SECRET in production with a real database", () => {
    expect(() => getEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" })).toThrow(/Setting NEXTAUTH_SECRET is required/);
  });
  it("requires all three OIDC settings or none", () => {
    expect(() => getEnv({ OIDC_ISSUER: "https://id.example.edu" })).toThrow(/OIDC_CLIENT_ID/);
  });
});
