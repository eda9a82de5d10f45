import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../../src/core/time");
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("src/core/time stays pure", () => {
  it.each(files)("%s reads no clock and imports no platform", (file) => {
    const src = readFileSync(join(dir, file), "utf8");
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)|DateTime\.(now|local)\(|process\.env/);
    const imports = [...src.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec).toMatch(/^(\.{1,2}\/|luxon$|ics$)/);
  });
});
