import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server.ts serves the machine endpoints itself (DESIGN.md 11); Next.js
  // serves the browser. The build must not depend on a database.
  typedRoutes: false,
};

export default nextConfig;
