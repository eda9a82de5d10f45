import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { RecordingPlatform } from "../fakes/recording-platform.js";
import { freshSchema, pgAvailable } from "../store/pg-env.js";
import { COMMUNITY, seedDueNudges, startBot } from "./support.js";

const NUDGES = 10_000;
const available = await pgAvailable();

describe.skipIf(!available)("three bot processes on one PostgreSQL", () => {
  const db = freshSchema("three");
  beforeAll(async () => {
    const store = await openStore(db.url);
    await seedDueNudges(store, NUDGES);
    await store.close();
  });
  afterAll(() => db.drop());

  it("deliver 10,000 due nudges: none lost, none twice", async () => {
    const platform = new RecordingPlatform();
    const platformUrl = await platform.start();
    const started = performance.now();
    try {
      const bots = [1, 2, 3].map((i) => startBot({ dbUrl: db.url, owner: `bot-${i}`, platformUrl, leaseMs: 60_000 }));
      expect(await Promise.all(bots.map((b) => b.ended))).toEqual(["done", "done", "done"]);
    } finally {
      await platform.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const store = await openStore(db.url);
    const rows = await store.tx((tx) => tx.listNudges(COMMUNITY, {}));
    await store.close();
    const twice = [...platform.messages.values()].filter((n) => n > 1).length;
    const lost = rows.filter((r) => !platform.messages.has(`${COMMUNITY}/${r.key}`)).length;
    console.log(
      `three processes: ${JSON.stringify({ nudges: NUDGES, delivered: platform.messages.size, requests: platform.requests, twice, lost, seconds: Math.round(seconds * 10) / 10 })}`,
    );
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(NUDGES);
    expect(platform.messages.size).toBe(NUDGES);
    expect(platform.requests).toBe(NUDGES);
    expect(twice).toBe(0);
    expect(lost).toBe(0);
  }, 180_000);
});
