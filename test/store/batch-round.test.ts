import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports/index.js";
import { matchQueue } from "../../src/core/use-cases/index.js";
import { openStore } from "../../src/store/index.js";
import { bulkSeed } from "../../bench/lib/bulk-seed.js";
import { queueCommunity } from "../../bench/lib/queue-community.js";
import { MONDAY, world } from "../support/world.js";
import { freshSchema, pgAvailable } from "./pg-env.js";

/** Far more queued requests than one statement may bind values for (SQLite: 999). */
const QUEUED = 5_000;
const VOLUNTEERS = 120;
const COMMUNITY = "test:big";

/**
 * One batch round over a queue of 5,000 on a real database: every request ends offered or
 * waitlisted, each offered one has exactly one pending intro and the seeker was told, each
 * newly waitlisted one was told why, and nobody is offered past their capacity.
 */
async function roundOverBigQueue(url: string, open: () => Promise<Store>): Promise<void> {
  const seed = queueCommunity({
    communityId: COMMUNITY,
    members: QUEUED + VOLUNTEERS,
    volunteers: VOLUNTEERS,
    queued: QUEUED,
    now: MONDAY,
  });
  await bulkSeed(url, seed);
  const store = await open();
  try {
    const w = world({ store, community: COMMUNITY });
    const report = await matchQueue(w.deps, { communityId: COMMUNITY });
    expect(report.considered).toBe(QUEUED);
    expect(report.offered).toBeGreaterThan(VOLUNTEERS);

    const { requests, intros, nudges } = await store.tx(async (tx) => ({
      requests: await tx.listRequests(COMMUNITY),
      intros: await tx.listIntros(COMMUNITY),
      nudges: await tx.listNudges(COMMUNITY),
    }));
    expect(requests).toHaveLength(QUEUED);
    expect(requests.filter((r) => r.status !== "offered" && r.status !== "waitlisted")).toEqual([]);
    const offered = requests.filter((r) => r.status === "offered");
    expect(offered).toHaveLength(report.offered);
    expect(intros).toHaveLength(report.offered);
    expect(new Set(intros.map((i) => i.requestId))).toEqual(new Set(offered.map((r) => r.id)));
    expect(intros.every((i) => i.status === "pending")).toBe(true);

    const perVolunteer = new Map<string, number>();
    for (const i of intros) perVolunteer.set(i.volunteerId, (perVolunteer.get(i.volunteerId) ?? 0) + 1);
    for (const v of seed.volunteers ?? []) expect(perVolunteer.get(v.memberId) ?? 0).toBeLessThanOrEqual(v.capacityPerMonth);

    // What people read: the volunteer gets the intro, the seeker hears who it went to, and a
    // seeker moved onto the waitlist hears why.
    const notices = (kind: string) => nudges.filter((n) => n.kind === kind);
    const names = new Map(seed.members.map((m) => [m.id, m.displayName]));
    const sent = new Map(notices("intro_sent").map((n) => [n.refId, n]));
    for (const i of intros) {
      const note = sent.get(i.id)?.notice;
      expect(note?.kind === "intro_sent" && [note.volunteer.name, sent.get(i.id)?.to]).toEqual([names.get(i.volunteerId), [i.seekerId]]);
    }
    expect(new Set(notices("intro_offered").map((n) => n.refId))).toEqual(new Set(intros.map((i) => i.id)));
    const wasOpen = new Set((seed.requests ?? []).filter((r) => r.status === "open").map((r) => r.id));
    const nowWaiting = requests.filter((r) => r.status === "waitlisted" && wasOpen.has(r.id)).map((r) => r.id);
    expect(nowWaiting.length).toBeGreaterThan(0);
    expect(new Set(notices("waitlisted").map((n) => n.refId))).toEqual(new Set(nowWaiting));
    for (const n of notices("waitlisted")) expect(n.notice.kind === "waitlisted" && n.notice.blocker?.code).toMatch(/^NO_/);
  } finally {
    await store.close();
  }
}

describe("the batch round over 5,000 queued requests", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-batch-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("SQLite: offers or waitlists every request", async () => {
    const url = `file:${join(dir, "big.db")}`;
    await (await openStore(url)).close();
    await roundOverBigQueue(url, () => openStore(url));
  }, 300_000);

  it("PostgreSQL: offers or waitlists every request", async (ctx) => {
    if (!(await pgAvailable())) return ctx.skip();
    const db = freshSchema("batch");
    try {
      await (await openStore(db.url)).close();
      await roundOverBigQueue(db.url, () => openStore(db.url));
    } finally {
      await db.drop();
    }
  }, 300_000);
});
