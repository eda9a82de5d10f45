import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import type { Logger } from "../../src/core/ports/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { openStore } from "../../src/store/index.js";
import { makeSeeker, makeVolunteer, request, world } from "../core/use-cases/helpers.js";

describe("a tick over several communities", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-isolation-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("matches and delivers for every other community when one community's round fails", async () => {
    const file = join(dir, "x.db");
    const store = await openStore(`file:${file}`);
    try {
      const broken = world({ store, community: "test:broken" });
      const fine = world({ store, community: "test:fine" });
      for (const w of [broken, fine]) {
        const sam = await makeSeeker(w, "sam", "ux-design");
        expect((await request(w, sam, "ux-design")).request.status).toBe("waitlisted");
        await makeVolunteer(w, "vera", "ux-design");
      }
      // A row the store cannot read: this community's round fails on its queued seeker.
      const raw = new Database(file);
      raw
        .prepare(`UPDATE "members" SET "availability" = '{not json' WHERE "community_id" = ? AND "id" = ?`)
        .run("test:broken", "test:broken:sam");
      raw.close();

      const errors: { obj: Record<string, unknown>; msg: string }[] = [];
      const log: Logger = { info: () => {}, warn: () => {}, error: (obj, msg) => errors.push({ obj, msg }) };
      const report = await runTick({ ...fine.deps, log }, fine.messenger, { owner: "test", match: true });

      expect(report.offered).toBe(1);
      const intro = fine.messenger.of("intro_offered", "test:fine:vera");
      expect(intro).toHaveLength(1);
      expect(fine.messenger.of("intro_sent", "test:fine:sam")).toHaveLength(1);
      expect(errors).toEqual([
        { obj: expect.objectContaining({ community: "test:broken" }), msg: "batch round failed; the next tick retries" },
      ]);
    } finally {
      await store.close();
    }
  }, 60_000);
});
