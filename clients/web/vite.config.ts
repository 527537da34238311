import { fileURLToPath } from "node:url";

import { defineConfig } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Served by the API at /app (same origin, so API calls are relative: /v1/...).
export default defineConfig({
  base: "/app/",
  resolve: {
    // ../typescript/src/client.ts imports openapi-fetch: take this package's copy, so the build
    // does not depend on clients/typescript/node_modules.
    alias: { "openapi-fetch": here("./node_modules/openapi-fetch/dist/index.mjs") },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
  },
  server: {
    // `npm run dev`: forward API calls to a server started with `make run`.
    proxy: { "/v1": "http://127.0.0.1:8000" },
  },
});
