// One linter for the whole project: typescript-eslint's recommended rules, a few type-aware ones
// (promises nobody awaits or checks), React hooks rules, and the import boundaries between the
// folders (README's folder table): tests/unit/lint-boundaries.test.ts proves they fire.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

// Database drivers and the generated client: only lib/db talks to them.
const DATABASE_PACKAGES = ["@/lib/generated/**", "@prisma/*", "pg", "pg/*", "@electric-sql/*", "pglite-prisma-adapter"];

// Relative or "@/" paths into a top-level folder, e.g. "@/lib/db" or "../../lib/db".
const into = (folder) => `^(@/|(\\.\\./)+)${folder}(/|$)`;

export default tseslint.config(
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", "public/monaco/**", "tests/output/**", "tests/fixtures/**", ".data/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Server Components render once per request: reading the clock there is the point.
      "react-hooks/purity": "off",
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (and in a route handler, the work).
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Client components run in the browser: no server modules. Type-only imports are erased, so
    // they may name server types; values come only from client-safe lib modules (*.shared.ts).
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: `${into("lib")}(?!.*\\.shared$)`,
              allowTypeImports: true,
              message: "components/ may import only client-safe lib modules (lib/**/*.shared.ts); move the logic there or pass the data in as props.",
            },
            { regex: into("(grader|app|scripts)"), message: "components/ runs in the browser: grader/, app/ and scripts/ are server code." },
            {
              group: ["server-only", ...DATABASE_PACKAGES],
              allowTypeImports: true,
              message: "components/ never touches the database: the page (app/) loads the data through lib/ and passes it in.",
            },
          ],
        },
      ],
    },
  },
  {
    // grader/ is a pure library: usable without Next.js or a database.
    files: ["grader/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: into("(lib|app|components|scripts)"),
              message: "grader/ is a pure library and imports nothing from lib/, app/, components/ or scripts/; let the caller pass what it needs.",
            },
            {
              group: ["server-only", "next", "next/*", "next-auth", "next-auth/*", ...DATABASE_PACKAGES],
              message: "grader/ runs without Next.js and without a database.",
            },
          ],
        },
      ],
    },
  },
  {
    // app/ reaches the database only through lib/ (getDb from @/lib/db, the domain functions) and the
    // grader only through lib/ too.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: DATABASE_PACKAGES, message: "app/ reaches the database only through lib/ (getDb from @/lib/db and the domain functions)." },
            {
              regex: "^@/lib/db/(?!errors$)",
              message: "app/ uses @/lib/db (the client) and @/lib/db/errors only; migrations, SQL runner and maintenance are for scripts.",
            },
            { regex: into("(grader|scripts)"), message: "app/ grades through lib/ (the queue), never grader/ or scripts/ directly." },
          ],
        },
      ],
    },
  },
  {
    // lib/ and scripts/ use the grader through its one public entry.
    files: ["lib/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(@/|(\\.\\./)+)grader/(?!bundle-safe$)",
              message:
                'Import the grader through its public entries: "@/grader" (grader/index.ts) in Node processes, "@/grader/bundle-safe" in code the web server bundles.',
            },
          ],
        },
      ],
    },
  },
  {
    // Starter files are stubs on purpose: their parameters are for the student to use.
    files: ["assignments/**/starter.ts"],
    rules: { "@typescript-eslint/no-unused-vars": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
