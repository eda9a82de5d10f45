import { copyFileSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../../src/core/domain/index.js";
import { isStoreUnavailable, type Store } from "../../src/core/ports/index.js";
import { makeSafeLogger } from "../../src/ops/log.js";
import { GuardedStore } from "../../src/store/guarded-store.js";
import { openStore } from "../../src/store/index.js";
import { Captured } from "./support.js";

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

/** A guarded SQLite store, the raw connection under it (to cause real SQLite faults), and the captured log. */
async function guarded(probeEveryMs = 0) {
  const dir = mkdtempSync(join(tmpdir(), "percolate-guard-"));
  const file = join(dir, "percolate.db");
  const inner: Store = await openStore(`file:${file}`);
  const out = new Captured();
  const store = new GuardedStore(inner, makeSafeLogger("info", [], out), { file, probeEveryMs });
  cleanups.push(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  // The store's own connection: PRAGMAs there produce SQLite's real SQLITE_READONLY and SQLITE_FULL.
  const db = (inner as unknown as { db: { $queryRawUnsafe(q: string): Promise<{ page_count?: bigint | number }[]> } }).db;
  const pragma = (q: string) => db.$queryRawUnsafe(`PRAGMA ${q}`);
  const save = (id: string, name = id) =>
    store.tx((tx) => tx.saveCommunity({ id, name, settings: defaultSettings({}), createdAt: new Date("2026-01-01T00:00:00Z") }));
  const faultLines = () => out.text.split("\n").filter((l) => l.includes("database fault"));
  return { store, file, out, pragma, save, faultLines };
}

describe("SQLite faults under the running bot", () => {
  it("read-only: every write is refused as unavailable, the fault is logged once with its cause, and it clears with the first write that works", async () => {
    const g = await guarded();
    await g.save("c0");
    await g.pragma("query_only = ON");
    for (const id of ["c1", "c2", "c3"]) {
      const e = await g.save(id).catch((x: unknown) => x);
      expect(isStoreUnavailable(e)).toBe(true);
    }
    expect(g.store.fault()).toMatch(/SQLITE_READONLY|readonly/);
    expect(g.faultLines()).toHaveLength(1);
    expect(g.faultLines()[0]).toMatch(/SQLITE_READONLY|readonly/);
    // Every transaction takes SQLite's write lock first, so a read is refused too: still one log line.
    expect(isStoreUnavailable(await g.store.tx((tx) => tx.listCommunities()).catch((x: unknown) => x))).toBe(true);
    expect(g.faultLines()).toHaveLength(1);

    await g.pragma("query_only = OFF");
    await g.save("c4");
    expect(g.store.fault()).toBeNull();
    expect(g.out.text).toContain("fault cleared");
    expect((await g.store.tx((tx) => tx.listCommunities())).map((c) => c.id)).toEqual(["c0", "c4"]);
  });

  it("recovers by itself when the fault clears, with no command or tick: its write probe finds out", async () => {
    const g = await guarded(20);
    await g.save("c0");
    await g.pragma("query_only = ON");
    expect(isStoreUnavailable(await g.save("c1").catch((x: unknown) => x))).toBe(true);
    await g.pragma("query_only = OFF");
    await g.out.until(/fault cleared/);
    expect(g.store.fault()).toBeNull();
    expect(g.faultLines()).toHaveLength(1);
    // The probe leaves nothing behind.
    expect(await g.store.tx((tx) => tx.getPlatformRef("percolate:probe", "dm_channel", "write-probe"))).toBeNull();
  });

  it("disk full: a write that needs room is refused as unavailable with SQLITE_FULL, and the store recovers when room is back", async () => {
    const g = await guarded();
    await g.save("c0");
    const [row] = await g.pragma("page_count");
    await g.pragma(`max_page_count = ${Number(row?.page_count ?? 0)}`);
    const e = await g.save("big", "x".repeat(200_000)).catch((x: unknown) => x);
    expect(isStoreUnavailable(e)).toBe(true);
    expect(g.store.fault()).toMatch(/SQLITE_FULL|full/);
    expect(g.faultLines()).toHaveLength(1);

    await g.pragma("max_page_count = 1073741823");
    await g.save("big", "x".repeat(200_000));
    expect(g.store.fault()).toBeNull();
  });

  it("a database file replaced under the running bot is detected: every transaction is refused, logged once, until the original is back", async () => {
    const g = await guarded();
    await g.save("c0");
    const aside = `${g.file}.aside`;
    renameSync(g.file, aside);
    copyFileSync(aside, g.file);
    for (const id of ["c1", "c2"]) {
      const e = await g.save(id).catch((x: unknown) => x);
      expect(isStoreUnavailable(e)).toBe(true);
    }
    expect(g.store.fault()).toContain("was replaced while the bot was running");
    expect(g.out.text.split("\n").filter((l) => l.includes("was replaced"))).toHaveLength(1);

    renameSync(aside, g.file);
    await g.save("c3");
    expect(g.store.fault()).toBeNull();
    expect((await g.store.tx((tx) => tx.listCommunities())).map((c) => c.id)).toEqual(["c0", "c3"]);
  });
});
