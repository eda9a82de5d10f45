import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Intro, Member } from "../../src/core/domain/index.js";
import type { Store } from "../../src/core/ports/index.js";
import { openStore } from "../../src/store/index.js";
import { slashCommand } from "../fakes/slack/payloads.js";
import { FakeSlack } from "../fakes/slack/server.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { makeSeeker, makeVolunteer, requestAndChoose } from "../core/use-cases/helpers.js";
import { world } from "../support/world.js";
import { prng } from "../jobs/support.js";
import { type BotProcess, buildOnce, startBot } from "./bot-process.js";

/*
 * Acked means kept, as processes: the compiled bot (`node dist/main.js`, what `npm start` runs)
 * on a SQLite file, with the real Bolt against the fake Slack. Each trial, one volunteer types
 * `/coffee accept <seeker>` for several of the intros waiting for them at once; every accept
 * that is applied accepts exactly one more intro, so the intros accepted count the
 * effects exactly. Then the process group gets SIGTERM right after the acks, or SIGKILL at a
 * random moment during the burst; the next trial's start is the restart. At the end, one
 * more start answers whatever is left, and the database must hold every acked command's
 * effect (lost = 0) and no effect twice (twice = 0).
 */

const TRIALS = Number(process.env.ACKED_TRIALS ?? 100);
/** The seekers' names: fixed width, so no name is the start of another (`accept <name>` matches by prefix). */
const seekerName = (n: number): string => `seeker${String(n).padStart(5, "0")}`;
const BURST = 4;
const TEAM = "T1";
const vol = (mode: string, t: number) => `UV${mode}${String(t).padStart(4, "0")}`;

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Volunteers with BURST + 2 intros each, cloned from one made through the use cases (fast to seed by the hundred). */
async function seed(store: Store, volunteers: readonly string[]): Promise<void> {
  const w = world({ store, community: `slack:${TEAM}`, start: new Date() });
  const v = await makeVolunteer(w, "UTEMPLATEV", "design", "UTC", undefined, { capacity: 20 });
  const s = await makeSeeker(w, "UTEMPLATES", "design", "UTC");
  const { request, intro } = await requestAndChoose(w, s, "design", v);
  const [vm, vp, sm, sp] = await store.tx(async (tx) =>
    Promise.all([
      tx.getMember(w.communityId, v.memberId),
      tx.getVolunteer(w.communityId, v.memberId),
      tx.getMember(w.communityId, s.memberId),
      tx.getSeeker(w.communityId, s.memberId),
    ]),
  );
  if (!vm || !vp || !sm || !sp) throw new Error("template not seeded");
  await store.tx(async (tx) => {
    let n = 0;
    for (const name of volunteers) {
      const vid = `slack:${TEAM}:${name}`;
      await tx.saveMember({ ...vm, id: vid, displayName: name });
      await tx.saveVolunteer({ ...vp, memberId: vid });
      for (let j = 0; j < BURST + 2; j++) {
        const sid = `slack:${TEAM}:US${++n}`;
        const offeredAt = new Date(intro.offeredAt.getTime() + j);
        await tx.saveMember({ ...sm, id: sid, displayName: seekerName(n) } satisfies Member);
        await tx.saveSeeker({ ...sp, memberId: sid });
        await tx.saveRequest({ ...request, id: `req_${n}`, seekerId: sid, status: "offered" });
        await tx.saveIntro({
          ...intro,
          id: `intro_${n}`,
          requestId: `req_${n}`,
          seekerId: sid,
          volunteerId: vid,
          offeredAt,
        } satisfies Intro);
      }
    }
  });
}

describe("acked means kept: the bot as a process, stopped and killed during bursts of commands", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-acked-"));
  const dbUrl = `file:${join(dir, "bot.db")}`;
  const fake = new FakeSlack();
  const sent: { mode: "sigterm" | "sigkill"; trial: number; id: string; acked: boolean }[] = [];
  let env: Record<string, string> = {};
  let port = 0;
  const figures: Record<string, Record<string, number>> = {};

  beforeAll(async () => {
    buildOnce();
    await fake.start();
    port = await freePort();
    fake.target = { kind: "http", url: `http://127.0.0.1:${port}/slack/events` };
    const names = [...Array.from({ length: TRIALS }, (_, t) => vol("T", t)), ...Array.from({ length: TRIALS }, (_, t) => vol("K", t))];
    for (const id of names) fake.state.users.set(id, { id, team: TEAM, name: id.toLowerCase(), tz: "UTC" });
    const store = await openStore(dbUrl);
    await seed(store, names);
    await store.close();
    env = {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      LOG_LEVEL: "info",
      INBOX_LEASE_SECONDS: "1",
      SHUTDOWN_GRACE_SECONDS: "30",
      SCHEDULE_CRON: "0 0 1 1 *",
    };
  }, 120_000);

  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`acked-kept figures: ${JSON.stringify(figures)}`);
  });

  /**
   * Sends the burst (each command after `spread()` ms); `onAck(n)` hears each ack as it comes.
   * Resolves with each command's trigger id and whether it was acked (HTTP 200).
   */
  const burst = (mode: "sigterm" | "sigkill", t: number, u: FakeUser, spread: () => number, onAck: (n: number) => void = () => {}) => {
    let acks = 0;
    return Promise.all(
      Array.from({ length: BURST }, async (_, k) => {
        // Each command names its own intro (with several waiting, a bare accept asks which).
        const volunteerIndex = mode === "sigterm" ? t : TRIALS + t;
        const payload = slashCommand(fake, u, `accept ${seekerName(volunteerIndex * (BURST + 2) + k + 1)}`);
        await new Promise((r) => setTimeout(r, spread()));
        const res = await fake.send("slash_commands", { ...payload }).catch(() => ({ status: 0 }));
        const row = { mode, trial: t, id: `slack:${payload.trigger_id}`, acked: res.status === 200 };
        sent.push(row);
        if (row.acked) onAck(++acks);
        return row;
      }),
    );
  };

  it(
    `SIGTERM to the process group right after the acks, ${TRIALS} trials: the bot drains and exits 0`,
    async () => {
      let clean = 0;
      for (let t = 0; t < TRIALS; t++) {
        const bot: BotProcess = startBot(env);
        await bot.ready;
        const u = fake.state.users.get(vol("T", t)) as FakeUser;
        const rows = await burst("sigterm", t, u, () => 0);
        expect(rows.every((r) => r.acked)).toBe(true);
        // Twice, as a terminal's Ctrl-C or a supervisor would: the second must not cut the drain short.
        bot.signalGroup("SIGTERM");
        bot.signalGroup("SIGTERM");
        const end = await bot.exited;
        if (end.code === 0) clean++;
        else throw new Error(`trial ${t}: exited ${end.code ?? end.signal}\n${bot.log()}`);
      }
      expect(clean).toBe(TRIALS);
    },
    TRIALS * 30_000,
  );

  it(
    `SIGKILL to the process group at a random moment during a burst, ${TRIALS} trials`,
    async () => {
      const random = prng(4242);
      for (let t = 0; t < TRIALS; t++) {
        const bot = startBot(env);
        await bot.ready;
        const u = fake.state.users.get(vol("K", t)) as FakeUser;
        // A random moment of the burst, whatever the machine's speed: after 0 to BURST acks, then up to 30 ms more.
        const afterAcks = Math.floor(random() * (BURST + 1));
        const kill = () => setTimeout(() => bot.signalGroup("SIGKILL"), Math.floor(random() * 30));
        let timer: NodeJS.Timeout | undefined = afterAcks === 0 ? kill() : undefined;
        await burst(
          "sigkill",
          t,
          u,
          () => Math.floor(random() * 50),
          (n) => {
            if (n === afterAcks) timer = kill();
          },
        );
        clearTimeout(timer);
        bot.signalGroup("SIGKILL");
        await bot.exited;
      }
    },
    TRIALS * 30_000,
  );

  it("after a restart, every acknowledged command's effect is in the database, and none is applied twice", async () => {
    const bot = startBot(env);
    await bot.ready;
    const store = await openStore(dbUrl);
    try {
      // Wait for the restarted bot to take over and answer everything the killed ones kept.
      for (;;) {
        const left = (await Promise.all(sent.map((s) => store.inbox.get(s.id)))).filter((e) => e !== null && e.status !== "answered");
        if (left.length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      bot.signalGroup("SIGTERM");
      expect((await bot.exited).code).toBe(0);
      for (const mode of ["sigterm", "sigkill"] as const) {
        let acked = 0;
        let kept = 0;
        let lost = 0;
        let twice = 0;
        let accepted = 0;
        for (let t = 0; t < TRIALS; t++) {
          const rows = sent.filter((s) => s.mode === mode && s.trial === t);
          const entries = await Promise.all(rows.map((r) => store.inbox.get(r.id)));
          const applied = entries.filter((e) => e?.appliedBy != null).length;
          const vid = `slack:${TEAM}:${vol(mode === "sigterm" ? "T" : "K", t)}`;
          const intros = await store.tx((tx) => tx.listIntros(`slack:${TEAM}`, { volunteerId: vid, status: ["accepted"] }));
          acked += rows.filter((r) => r.acked).length;
          kept += entries.filter((e) => e !== null).length;
          lost += rows.filter((r, n) => r.acked && entries[n]?.appliedBy == null).length;
          twice += Math.max(0, intros.length - applied);
          accepted += intros.length;
        }
        figures[mode] = { trials: TRIALS, commands: TRIALS * BURST, acked, kept, applied: accepted, lost, twice };
      }
      console.log(`acked-kept: ${JSON.stringify(figures)}`);
      expect(figures.sigterm?.lost).toBe(0);
      expect(figures.sigterm?.twice).toBe(0);
      expect(figures.sigterm?.acked).toBe(TRIALS * BURST);
      expect(figures.sigkill?.lost).toBe(0);
      expect(figures.sigkill?.twice).toBe(0);
    } finally {
      await store.close();
    }
  }, 180_000);
});
