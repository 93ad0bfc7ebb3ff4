import { defineConfig } from "vitest/config";
import path from "node:path";

// One config; suites are picked by folder. Integration and e2e suites need TEST_DATABASE_URL
// (scripts/test-all.ts starts a throwaway PostgreSQL and sets it).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/setup/server-only.ts") } },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["node_modules/**", "assignments/**", "tests/fixtures/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
    globalSetup: ["tests/setup/global.ts"],
  },
});
