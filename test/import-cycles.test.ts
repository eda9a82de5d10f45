import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../src");
/** Generated Prisma clients are not ours to shape. */
const SKIP = join(SRC, "store/generated");

function files(dir: string): string[] {
  if (dir === SKIP) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

/**
 * The relative modules a file loads at run time. `import type` / `export type` statements are
 * left out: they vanish when compiled, so they cannot make a load-order cycle.
 */
function runtimeImports(path: string, text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "");
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|;|\n)\s*(import|export)(\s+type\b)?([^'";]*?)from\s+["'](\.[^"']+)["']/g)) {
    if (m[2]) continue;
    const spec = m[4] ?? "";
    const target = resolve(dirname(path), spec.replace(/\.js$/, ".ts"));
    const file = existsSync(target) ? target : existsSync(join(target, "index.ts")) ? join(target, "index.ts") : null;
    if (file) out.push(file);
  }
  for (const m of code.matchAll(/(?:^|\n)\s*import\s+["'](\.[^"']+)["']/g)) {
    const target = resolve(dirname(path), (m[1] ?? "").replace(/\.js$/, ".ts"));
    if (existsSync(target)) out.push(target);
  }
  return out;
}

/** Every cycle found by a depth-first walk of the import graph, each as a list of files. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string): void => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const s = state.get(g);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (s === undefined) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return cycles;
}

describe("src has no import cycles", () => {
  const graph = new Map(files(SRC).map((p) => [p, runtimeImports(p, readFileSync(p, "utf8"))]));

  it("reads the whole source tree", () => {
    expect(graph.size).toBeGreaterThan(100);
    const pass = [...graph.keys()].find((p) => p.endsWith("use-cases/shared/pass.ts"));
    expect(pass && graph.get(pass)?.some((f) => f.endsWith("shared/offer.ts"))).toBe(true);
  });

  it("finds a cycle when there is one (the walker works)", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(g)).toEqual([["a", "b", "c", "a"]]);
  });

  it("has none: shared behaviour is called by the use case that owns the policy", () => {
    const cycles = findCycles(graph).map((c) => c.map((f) => relative(SRC, f)).join(" → "));
    expect(cycles).toEqual([]);
  });
});
