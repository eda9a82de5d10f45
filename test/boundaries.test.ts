import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The fences between top-level folders of src/: what each may import, as other folders of src
 * (`core`, `text`, …, or a root file such as `config`) and as packages (`node` stands for every
 * `node:` built-in). A folder missing from this table fails the test, so a new folder declares
 * its fence when it is created.
 */
const FENCES: Record<string, readonly string[]> = {
  core: ["core", "zod", "luxon", "ics"],
  text: ["text", "core"],
  app: ["app", "core", "text", "store", "node"],
  jobs: ["jobs", "core", "node-cron", "node"],
  store: ["store", "core", "@prisma/client", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "better-sqlite3", "zod", "node"],
  slack: ["slack", "core", "text", "app", "config", "@slack/bolt", "@slack/web-api", "@slack/types", "zod", "node"],
  discord: ["discord", "core", "text", "app", "config", "discord.js", "discord-api-types", "zod", "node"],
  shell: ["shell", "core", "text", "app", "store", "runtime", "node"],
  ops: ["ops", "core", "text", "app", "jobs", "store", "slack", "discord", "web", "config", "runtime", "pino", "prom-client", "node"],
  web: ["web", "core", "text", "hono", "@hono/node-server", "zod", "node"],
};

const SRC = resolve(import.meta.dirname, "../src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === "generated" ? [] : tsFiles(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

/** The first segment of an import: a folder or root file of src/, or a package name. */
function target(file: string, spec: string): string {
  if (spec.startsWith(".")) {
    const first = relative(SRC, resolve(dirname(file), spec)).split("/")[0] ?? "";
    return first.replace(/\.(js|ts)$/, "");
  }
  if (spec.startsWith("node:")) return "node";
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? spec);
}

/** Static imports and re-exports (`import … from "x"`, `export … from "x"`, `import "x"`, `} from "x"`) and dynamic `import("x")`. */
const imports = (src: string): string[] =>
  [...src.matchAll(/^(?:(?:import|export)\b[^"\n]*\bfrom|\}\s*from|import)\s+"([^"]+)";?\s*$|\bimport\(\s*"([^"]+)"\s*\)/gm)].map(
    (m) => m[1] ?? m[2] ?? "",
  );

describe("each folder of src imports only across its fence", () => {
  const files = tsFiles(SRC).filter((f) => relative(SRC, f).includes("/"));
  const folders = [...new Set(files.map((f) => relative(SRC, f).split("/")[0] ?? ""))].sort();

  it("every folder has a declared fence", () => {
    expect(folders.filter((f) => !(f in FENCES))).toEqual([]);
  });

  for (const folder of folders.filter((f) => f in FENCES)) {
    it(`src/${folder}`, () => {
      const allowed = new Set(FENCES[folder]);
      const crossings = files
        .filter((f) => relative(SRC, f).startsWith(`${folder}/`))
        .flatMap((f) => imports(readFileSync(f, "utf8")).map((spec) => ({ file: relative(SRC, f), spec, to: target(f, spec) })))
        .filter((i) => !allowed.has(i.to));
      expect(crossings).toEqual([]);
    });
  }
});
