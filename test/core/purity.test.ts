import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = join(import.meta.dirname, "../../src/core");
const ALLOWED_PACKAGES = new Set(["zod", "luxon", "ics"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const sources = files(CORE).map((p) => ({ path: relative(CORE, p), text: readFileSync(p, "utf8") }));

describe("src/core stays platform-free (HOUSE_STYLE §1)", () => {
  it("has source files to check", () => {
    expect(sources.length).toBeGreaterThan(30);
  });

  it("imports only relative modules and zod, luxon, ics", () => {
    const offenders: string[] = [];
    for (const { path, text } of sources) {
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2] ?? "";
        if (spec.startsWith(".")) continue;
        const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] ?? spec);
        if (!ALLOWED_PACKAGES.has(pkg)) offenders.push(`${path}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("never reads the environment, the wall clock or an unseeded random source", () => {
    const offenders: string[] = [];
    for (const { path, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      for (const [re, what] of [
        [/process\.env/, "process.env"],
        [/Date\.now\(/, "Date.now()"],
        [/new Date\(\)/, "new Date()"],
        [/Math\.random\(/, "Math.random()"],
      ] as const) {
        if (re.test(code)) offenders.push(`${path}: ${what}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
