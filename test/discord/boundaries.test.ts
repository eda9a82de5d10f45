import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIR = join(import.meta.dirname, "../../src/discord");
const ALLOWED = [
  /^discord\.js$/,
  /^discord-api-types\/v10$/,
  /^zod$/,
  /^node:/,
  /^\.\/[\w-]+\.js$/,
  /^\.\.\/core\//,
  /^\.\.\/app\//,
  /^\.\.\/text\//,
  /^\.\.\/config\.js$/,
];

describe("src/discord stays a thin adapter", () => {
  it("imports only discord.js, discord-api-types, node, the core, the app path, the wording and the config", () => {
    for (const f of readdirSync(DIR).filter((x) => x.endsWith(".ts"))) {
      const src = readFileSync(join(DIR, f), "utf8");
      const imports = [...src.matchAll(/from "([^"]+)"/g)].map((m) => m[1] ?? "");
      for (const i of imports) expect({ file: f, import: i, ok: ALLOWED.some((r) => r.test(i)) }).toEqual({ file: f, import: i, ok: true });
      expect(src.split("\n").length, `${f} is too long`).toBeLessThanOrEqual(300);
    }
  });
});
