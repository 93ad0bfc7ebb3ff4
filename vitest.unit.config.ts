import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run test:unit`: the fast inner loop, with no build and no PostgreSQL (so no global setup).
// The unit suites plus the sandbox's attack corpus; the security suites that drive the built site
// against a database (authz-matrix, fuzz) run in `npm test` and `npm run test:security` (after `npm run build`).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["tests/unit/**/*.test.ts", "tests/security/hostile-submissions.test.ts"],
    globalSetup: [],
  },
});
