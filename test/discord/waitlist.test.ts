import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTick } from "../../src/jobs/tick.js";
import { waitFor } from "../fakes/discord/index.js";
import { DAY } from "../support/world.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { buttonId, text } from "./helpers.js";

const ada = user("3001", "Ada");
const priya = user("3002", "Priya");

describe("Discord: the waitlist", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  /** A scheduler tick with the batch match, and so the waitlist care, switched on. */
  const tick = () => runTick(bot.deps, bot.adapter.messenger, { owner: "test", match: true, baseBackoffMs: 10 });

  it("says why nobody fits, expires the request with a Renew button, and the button renews it", async () => {
    await bot.fake.command(G1, ada, "volunteer", { tags: "rust" });
    const asked = await bot.fake.command(G1, priya, "request", { tags: "kubernetes", goals: "how platform teams run clusters" });
    expect(text(asked)).toContain("Nobody here volunteers for kubernetes yet. Topics with volunteers: rust.");

    bot.clock.advance(42 * DAY);
    expect((await tick()).waitlistExpired).toBe(1);
    const expired = await waitFor(
      () => bot.fake.rest.dmsTo(priya.id).find((m) => m.content.includes("⌛ Your request about kubernetes")),
      2000,
      "the expiry DM",
    );
    expect(expired.content).toContain("waited 6 weeks without a match");
    expect(expired.content).toContain("`/coffee request renew:True`");

    const renewed = await bot.fake.click(priya, expired, buttonId(expired, "Renew my request"));
    expect(text(renewed)).toContain("Renewed — your request is back on the list.");
    expect(renewed.data.components).toEqual([]);
    expect(text(await bot.fake.command(G1, priya, "request", { renew: true }))).toContain("That request is back on the list already.");
  });

  it("lists the queue for admins with /coffee admin queue", async () => {
    const owner = { ...user("3009", "Olga"), admin: true }; // holds Manage Server
    expect(text(await bot.fake.command(G1, ada, "admin queue"))).toContain("Only community admins");
    const queue = await bot.fake.command(G1, owner, "admin queue");
    expect(text(queue)).toContain("📋 Waiting requests (1), longest first:");
    expect(text(queue)).toContain("Priya · kubernetes · waiting 6 weeks · waitlisted · NO_TOPIC — nobody volunteers for these topics");
  });
});
