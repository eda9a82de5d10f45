import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { RecordingPlatform } from "../fakes/recording-platform.js";
import { FakeSlack } from "../fakes/slack/server.js";
import { seedOutbox } from "../support/outbox-seed.js";
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
            // Killed after a random number of further posts, so it dies mid-delivery however fast the
            // machine is (a timed kill found the work already done on a quiet machine). Each kill
            // leaves at most 1/8 of the nudges behind it, so all six land before the end.
            const more = 1 + Math.floor(random() * Math.floor(NUDGES / (KILLS_PER_TRIAL + 2)));
            let live = true;
            void platform.untilRequests(platform.requests + more).then(() => {
              if (live) bot.child.kill("SIGKILL");
            });
            const how = await bot.ended;
            live = false;
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

const SLACK_NUDGES = 400;
const SLACK_TRIALS = Number(process.env.SLACK_TRIALS ?? 1);
const SLACK_TEAM = "T1";
/** How long a dead process's claimed nudges wait before another process takes them over. */
const SLACK_LEASE_MS = 3000;
const SLACK_KILLS = 4;

describe("crash safety on Slack: the real Slack messenger killed with SIGKILL while it sends hundreds of DMs to one member", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-crash-slack-"));
  const totals = { trials: 0, kills: 0, nudges: 0, toOneMember: 0, delivered: 0, twice: 0, lost: 0, historyPages: 0 };
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    console.log(`crash test (Slack): ${JSON.stringify(totals)}`);
  });

  for (let trial = 1; trial <= SLACK_TRIALS; trial++) {
    it(`trial ${trial}: ${SLACK_NUDGES} nudges to one member's DM, each delivered once after kill -9s`, async () => {
      const community = `slack:${SLACK_TEAM}`;
      const dbUrl = `file:${join(dir, `trial-${trial}.db`)}`;
      const seeded = await openStore(dbUrl);
      const due = new Date();
      const { members, nudges } = await seedOutbox(seeded, { communityId: community, members: 1, nudges: SLACK_NUDGES, due });
      await seeded.close();
      const fake = new FakeSlack();
      await fake.start();
      // Every post lands at once and is answered 20 ms later: a kill in between leaves a sent
      // message the outbox does not know about, to be found (well over 100 messages later) by key.
      fake.inject({ method: "chat.postMessage", answerDelayMs: 20, times: Number.MAX_SAFE_INTEGER });
      for (const m of members) {
        const id = m.id.split(":")[2] ?? "";
        fake.state.users.set(id, { id, team: SLACK_TEAM, name: m.displayName, tz: "UTC" });
      }
      const random = prng(104_729 * trial);
      let kills = 0;
      let runs = 0;
      try {
        for (;;) {
          runs++;
          const bot = startBot({
            dbUrl,
            owner: `slack-${trial}-${runs}`,
            platformUrl: fake.apiUrl,
            leaseMs: SLACK_LEASE_MS,
            mode: "slack",
            communityId: community,
          });
          await bot.ready;
          if (kills < SLACK_KILLS) {
            const timer = setTimeout(() => bot.child.kill("SIGKILL"), 300 + Math.floor(random() * 1200));
            const how = await bot.ended;
            clearTimeout(timer);
            if (how === "killed") {
              kills++;
              // While the dead process's lease runs, a sibling replica keeps sending this member
              // other DMs: more than 100 of them, so the uncertain post is far back in the history.
              const dm = [...fake.state.channels.values()].find((c) => c.members.length === 1);
              for (let i = 0; dm && i < 120; i++) fake.state.call("chat.postMessage", { channel: dm.id, text: `from a sibling ${i}` });
            }
            if (how === "done") break;
          } else if ((await bot.ended) === "done") break;
        }
      } finally {
        await fake.stop();
      }
      const keyOf = (m: { metadata?: { event_payload: Record<string, unknown> } }) => String(m.metadata?.event_payload.key ?? "");
      const posted = new Map<string, number>();
      for (const m of fake.state.messages) if (m.metadata) posted.set(keyOf(m), (posted.get(keyOf(m)) ?? 0) + 1);
      const twice = [...posted.values()].filter((n) => n > 1).length;
      const lost = nudges.filter((n) => !posted.has(`${community}/${n.key}`)).length;
      const first = members[0]?.id ?? "";
      const toOne = nudges.filter((n) => n.to.length === 1 && n.to[0] === first).length;
      Object.assign(totals, {
        trials: totals.trials + 1,
        kills: totals.kills + kills,
        nudges: totals.nudges + SLACK_NUDGES,
        toOneMember: totals.toOneMember + toOne,
        delivered: totals.delivered + posted.size,
        twice: totals.twice + twice,
        lost: totals.lost + lost,
        historyPages: totals.historyPages + fake.state.historyPages,
      });
      expect(toOne).toBeGreaterThan(100);
      expect(kills).toBe(SLACK_KILLS);
      expect(twice).toBe(0);
      expect(lost).toBe(0);
      expect(posted.size).toBe(SLACK_NUDGES);
    }, 180_000);
  }
});
