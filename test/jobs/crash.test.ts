import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { RecordingPlatform } from "../fakes/recording-platform.js";
import { COMMUNITY, prng, seedDueNudges, startBot } from "./support.js";

const NUDGES = 1500;
const TRIALS = 4;
const KILLS_PER_TRIAL = 6;

describe("crash safety: a bot killed with SIGKILL at random points while delivering", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-crash-"));
  const totals = {
    trials: 0,
    kills: 0,
    restarts: 0,
    nudges: 0,
    delivered: 0,
    twice: 0,
    lost: 0,
    absorbedByNonce: 0,
    avoidedByLookup: 0,
    requests: 0,
  };

  beforeAll(() => undefined);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`crash test: ${JSON.stringify(totals)}`);
  });

  for (let trial = 1; trial <= TRIALS; trial++) {
    it(`trial ${trial} (${trial % 2 === 1 ? "platform dedupes by nonce" : "bot checks before re-posting"}): every due nudge is delivered, none twice`, async () => {
      const dbUrl = `file:${join(dir, `trial-${trial}.db`)}`;
      const seeded = await openStore(dbUrl);
      await seedDueNudges(seeded, NUDGES);
      await seeded.close();
      // Odd trials: the platform dedupes by key (Discord's nonce). Even: it does not (Slack), and
      // the bot looks for its own message before re-posting after a lost try.
      const platform = new RecordingPlatform(trial % 2 === 1 ? "nonce" : "plain");
      const platformUrl = await platform.start();
      const random = prng(7919 * trial);
      let kills = 0;
      let runs = 0;
      try {
        for (;;) {
          runs++;
          const bot = startBot({ dbUrl, owner: `bot-${trial}-${runs}`, platformUrl, leaseMs: 800, mode: platform.mode });
          await bot.ready;
          if (kills < KILLS_PER_TRIAL) {
            const delay = 30 + Math.floor(random() * 700);
            const timer = setTimeout(() => bot.child.kill("SIGKILL"), delay);
            const how = await bot.ended;
            clearTimeout(timer);
            if (how === "killed") kills++;
            if (how === "done") break;
          } else if ((await bot.ended) === "done") break;
        }
      } finally {
        await platform.stop();
      }
      const store = await openStore(dbUrl);
      const rows = await store.tx((tx) => tx.listNudges(COMMUNITY, {}));
      await store.close();
      const twice = [...platform.messages.values()].filter((n) => n > 1).length;
      const lost = rows.filter((r) => !platform.messages.has(`${COMMUNITY}/${r.key}`)).length;
      Object.assign(totals, {
        trials: totals.trials + 1,
        kills: totals.kills + kills,
        restarts: totals.restarts + runs - 1,
        nudges: totals.nudges + NUDGES,
        delivered: totals.delivered + platform.messages.size,
        twice: totals.twice + twice,
        lost: totals.lost + lost,
        absorbedByNonce: totals.absorbedByNonce + platform.absorbed,
        avoidedByLookup: totals.avoidedByLookup + platform.found,
        requests: totals.requests + platform.requests,
      });
      expect(kills).toBe(KILLS_PER_TRIAL);
      expect(rows.every((r) => r.status === "sent")).toBe(true);
      expect(platform.messages.size).toBe(NUDGES);
      expect(twice).toBe(0);
      expect(lost).toBe(0);
    }, 120_000);
  }
});
