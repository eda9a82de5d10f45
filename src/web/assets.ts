import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { ASSETS_PATH, type DashboardEnv } from "./context.js";

/** Our own static files: src/web/assets beside this module (copied to dist/web/assets by the build). */
const OWN_DIR = fileURLToPath(new URL("./assets/", import.meta.url));
/** Chart.js's browser build, from the installed package (no bundler, no copy). */
const CHART_FILE = join(dirname(createRequire(import.meta.url).resolve("chart.js")), "chart.umd.min.js");

const TYPES: Record<string, string> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
};

/**
 * The files the dashboard serves, by name: the assets folder's files (listed once, names of
 * letters, digits, dots and dashes with a known type) and the chart library. Nothing else is
 * ever read, so no path in a URL can reach another file.
 */
export function assetFiles(): Map<string, string> {
  const files = new Map<string, string>();
  let own: string[] = [];
  try {
    own = readdirSync(OWN_DIR);
  } catch {
    // No assets folder (a build that did not copy it): only the chart library is served.
  }
  for (const name of own) if (/^[a-z0-9][a-z0-9.-]*\.(css|js|svg|png)$/.test(name)) files.set(name, join(OWN_DIR, name));
  files.set("chart.umd.min.js", CHART_FILE);
  return files;
}

/** A year: asset names are stable per release and the pages fetch them again after a deploy's restart. */
const LONG_CACHE = "public, max-age=31536000, immutable";

/** GET /dashboard/assets/:file — no sign-in; long cache; the right content type; 404 for anything not listed. */
export function registerAssets(app: Hono<DashboardEnv>): void {
  const files = assetFiles();
  const cache = new Map<string, ArrayBuffer>();
  app.get(`${ASSETS_PATH}/:file`, async (c) => {
    const name = c.req.param("file");
    const path = files.get(name);
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)];
    if (!path || !type) return c.text("not found\n", 404);
    let body = cache.get(name);
    if (!body) {
      try {
        const buf = await readFile(path);
        body = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
      } catch {
        return c.text("not found\n", 404);
      }
      cache.set(name, body);
    }
    return c.body(body, 200, { "content-type": type, "cache-control": LONG_CACHE });
  });
}
