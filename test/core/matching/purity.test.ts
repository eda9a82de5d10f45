import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../../src/core/matching");

describe("src/core/matching", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

  it.each(files)("%s is pure: no wall clock, no Math.random, no platform or ORM imports", (file) => {
    const src = readFileSync(join(dir, file), "utf8");
    expect(src).not.toMatch(/Date\.now\(|new Date\(\)|Math\.random|performance\.now|process\.env/);
    expect(src).not.toMatch(/from "(@slack\/|discord\.js|@prisma\/|prisma|node-cron|node:)/);
    expect(src).not.toMatch(/:\s*any\b|as any\b/);
  });
});
