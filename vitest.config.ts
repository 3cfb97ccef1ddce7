import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; in tests every module is server-side.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
  // next-auth imports these without the file extension that Node's ESM resolver needs.
  "next/server": "next/server.js",
  "next/headers": "next/headers.js",
  "next/navigation": "next/navigation.js",
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Partner API secrets are encrypted with a key derived from this (lib/partners/secret.ts).
    env: { COALITION_ENCRYPTION_KEY: "coalition-tests-only-key" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
          setupFiles: ["tests/support/fast-check-seed.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/global-setup.ts"],
          // Processed by Vite so that the aliases above reach next-auth's imports.
          server: { deps: { inline: ["next-auth"] } },
          setupFiles: ["tests/support/database.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files run in parallel, each in its own database.
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
