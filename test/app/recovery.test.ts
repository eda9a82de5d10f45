import { afterEach, describe, expect, it } from "vitest";
import { getStatus } from "../../src/core/use-cases/index.js";
import { MIN } from "../support/world.js";
import { G1, startBot, user, type Bot } from "../discord/harness.js";
import { startHarness, type Harness } from "../slack/harness.js";

/*
 * What a process that died after acknowledging leaves in the inbox is applied once and
 * answered by the next one (here: the same adapter taking over an entry whose lease expired).
 */

let slack: Harness | null = null;
let discord: Bot | null = null;
afterEach(async () => {
  await slack?.stop();
  await discord?.stop();
  slack = null;
  discord = null;
});

describe("after a crash, kept requests are applied once and answered", () => {
  it("Slack: an acked command nobody ran is applied and answered through its response_url", async () => {
    slack = await startHarness({ mode: "http" });
    const h = slack;
    const vera = h.user("T1", "U0VERA", "vera", "UTC");
    const now = h.clock.now();
    const payload = {
      teamId: "T1",
      userId: vera.id,
      userName: "vera",
      text: "volunteer rust",
      responseUrl: h.fake.responseUrl(),
      triggerId: "111.222.dead",
    };
    // As a process that died right after its ack left it: pending, its lease run out.
    await h.store.inbox.receive(
      [{ id: "slack:111.222.dead", communityId: "slack:T1", kind: "slack_command", payload: JSON.stringify(payload) }],
      "dead-process",
      new Date(now.getTime() - MIN),
      new Date(now.getTime() - 2 * MIN),
    );
    expect(await h.adapter.intake.recover()).toBe(1);
    await h.adapter.idle();
    expect(String(h.lastResponse().text)).toContain("rust");
    const r = await getStatus(h.deps, { actor: { communityId: "slack:T1", memberId: "slack:T1:U0VERA" } });
    expect(r.ok && r.value.volunteer?.expertise).toEqual(["rust"]);
    expect(await h.store.inbox.get("slack:111.222.dead")).toMatchObject({ status: "answered" });
    // Taken over once: a second look finds nothing left.
    expect(await h.adapter.intake.recover()).toBe(0);
  });

  it("Slack: a command the dead process applied but never answered is answered, not applied again", async () => {
    slack = await startHarness({ mode: "http" });
    const h = slack;
    const vol = h.user("T1", "U0VOL", "vera", "UTC");
    await h.slash(vol, "volunteer data science --cap 5");
    for (const [id, name] of [
      ["U0ANN", "ann"],
      ["U0BOB", "bob"],
    ] as const) {
      const s = h.user("T1", id, name, "UTC");
      await h.slash(s, "request data science -- how to start in data science");
      await h.click(s, "Pick for me");
    }
    const now = h.clock.now();
    const payload = {
      teamId: "T1",
      userId: vol.id,
      userName: "vera",
      text: "accept",
      responseUrl: h.fake.responseUrl(),
      triggerId: "333.444.dead",
    };
    await h.store.inbox.receive(
      [{ id: "slack:333.444.dead", communityId: "slack:T1", kind: "slack_command", payload: JSON.stringify(payload) }],
      "dead-process",
      new Date(now.getTime() - MIN),
      new Date(now.getTime() - 2 * MIN),
    );
    // The dead process's run accepted ann's intro and marked the entry in the same transaction, then died.
    const { acceptIntro } = await import("../../src/core/use-cases/index.js");
    const { appliedOnce } = await import("../../src/app/intake.js");
    const introId =
      (await h.store.tx((tx) => tx.listIntros("slack:T1", { volunteerId: "slack:T1:U0VOL", status: ["pending"] })))[0]?.id ?? "";
    const deadDeps = { ...h.deps, store: appliedOnce(h.store, "slack:333.444.dead", "dead-process#1", () => h.clock.now()) };
    expect((await acceptIntro(deadDeps, { actor: { communityId: "slack:T1", memberId: "slack:T1:U0VOL" }, introId })).ok).toBe(true);
    expect(await h.store.inbox.get("slack:333.444.dead")).toMatchObject({ status: "applied", appliedBy: "dead-process#1" });

    expect(await h.adapter.intake.recover()).toBe(1);
    await h.adapter.idle();
    const r = await getStatus(h.deps, { actor: { communityId: "slack:T1", memberId: "slack:T1:U0VOL" } });
    // Bob's intro is still waiting: the take-over ran the command without applying it again.
    expect(r.ok && r.value.chats.map((c) => c.seekerId)).toEqual(["slack:T1:U0ANN"]);
    expect(r.ok && r.value.introsToAnswer.map((i) => i.seekerId)).toEqual(["slack:T1:U0BOB"]);
    expect(String(h.lastResponse().text)).toContain("Thank you!");
    expect(await h.store.inbox.get("slack:333.444.dead")).toMatchObject({ status: "answered" });
  });

  it("Discord: an acked interaction nobody ran is applied and its answer edited in through the interaction's webhook", async () => {
    discord = await startBot();
    const bot = discord;
    const uma = user("910000000000000001", "uma");
    const payload = {
      guildId: G1,
      userId: uma.id,
      actor: { communityId: `discord:${G1}`, memberId: `discord:${G1}:${uma.id}`, displayName: "uma" },
      parsed: { kind: "volunteer", tags: "rust" },
      mode: "reply",
      component: false,
      original: "",
      applicationId: "700000000000000002",
      token: "dead-interaction-token",
    };
    const now = bot.clock.now();
    await bot.store.inbox.receive(
      [{ id: "discord:990000000000000001", communityId: `discord:${G1}`, kind: "discord_interaction", payload: JSON.stringify(payload) }],
      "dead-process",
      new Date(now.getTime() - MIN),
      new Date(now.getTime() - 2 * MIN),
    );
    expect(await bot.adapter.intake.recover()).toBe(1);
    await bot.adapter.intake.stop();
    const edit = bot.fake.rest.answers.find((a) => a.token === "dead-interaction-token");
    expect(edit?.type).toBe("edit");
    expect(String(edit?.data.content)).toContain("rust");
    const r = await getStatus(bot.deps, { actor: { communityId: `discord:${G1}`, memberId: `discord:${G1}:${uma.id}` } });
    expect(r.ok && r.value.volunteer?.expertise).toEqual(["rust"]);
  });
});
