import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Lets two builds live side by side (e.g. parallel browser-test runs on other ports).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and the pg driver native bindings: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "nodemailer"],
  experimental: { authInterrupts: true },
  poweredByHeader: false,
  typedRoutes: false,
  // The Imports API's upload skips the proxy (it would buffer and cut the body at 10 MB), so its
  // answers get the proxy's plain security headers here instead.
  async headers() {
    return [
      {
        source: "/api/v1/imports",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
