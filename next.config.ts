import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const nextConfig: NextConfig = {
  // Native, WASM or process-spawning packages stay plain Node requires, never bundled.
  serverExternalPackages: ["isolated-vm", "esbuild", "@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "bcryptjs"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // npm test runs tsc --noEmit over the whole project; the build need not type-check again.
  typescript: { ignoreBuildErrors: true },
};

// next-intl without locale routing: the language comes from a cookie (i18n/request.ts).
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
