import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The benchmarks and scripts run under plain tsx, outside Vitest: nothing they reach may import
// "vitest", which throws when loaded outside a test run. Follows every relative import.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g;

function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    const specs = [...readFileSync(file, "utf8").matchAll(SPECIFIER)].map((m) => m[1] as string);
    seen.set(file, specs);
    for (const s of specs) if (s.startsWith(".")) todo.push(resolve(dirname(file), s).replace(/\.js$/, ".ts"));
  }
  return seen;
}

describe("bench entry points", () => {
  const entries = ["bench", "scripts"].flatMap((dir) =>
    readdirSync(join(ROOT, dir))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `${dir}/${f}`),
  );

  it.each(entries)("%s reaches no module that imports vitest", (entry) => {
    const offenders = [...reach(join(ROOT, entry))].filter(([, specs]) => specs.includes("vitest")).map(([file]) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
