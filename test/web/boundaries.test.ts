import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const WEB = resolve(import.meta.dirname, "../../src/web");
const PLATFORM = /^(@slack\/|discord\.js|discord-api-types|@prisma\/|pg$|better-sqlite3|node-cron)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("src/web", () => {
  it("imports no platform SDK, ORM or scheduler: it reaches the platforms and the store only through the core", () => {
    const found = files(WEB).flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/(?:from|import\()\s*"([^"]+)"/g)]
        .map((m) => m[1] ?? "")
        .filter((spec) => PLATFORM.test(spec) || /\/(slack|discord|store|shell)\//.test(spec))
        .map((spec) => `${relative(WEB, f)}: ${spec}`),
    );
    expect(found).toEqual([]);
  });
});
