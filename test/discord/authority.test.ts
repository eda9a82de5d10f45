import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communityIdOf } from "../../src/discord/ids.js";
import { G1, G2, startBot, user, type Bot } from "./harness.js";
import { text } from "./helpers.js";

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ memory: true });
});
afterAll(() => bot.stop());

const minutes = async (guild: string) => (await bot.store.tx((tx) => tx.getCommunity(communityIdOf(guild))))?.settings.chatMinutes;

describe("authority is per guild on Discord (finding 1)", () => {
  it("Manage Server counts only in the guild whose member payload carries it", async () => {
    const modOfG2 = { ...user("5001", "Moe"), admin: true };
    const saved = await bot.fake.command(G2, modOfG2, "admin settings", { key: "chatMinutes", value: "45" });
    expect(text(saved)).toContain("Saved: chatMinutes is now 45");
    expect(await minutes(G2)).toBe(45);

    // In G1 the same person is an ordinary member: the payload says so, and that is all that counts.
    const plain = user("5001", "Moe");
    const refused = await bot.fake.command(G1, plain, "admin settings", { key: "chatMinutes", value: "45" });
    expect(text(refused)).toContain("Only community admins can use admin settings");
    const exported = await bot.fake.command(G1, plain, "admin export");
    expect(text(exported)).toContain("Only community admins can use admin export");
    expect(exported.data.attachments ?? []).toEqual([]);
    expect(await minutes(G1)).not.toBe(45);
  });
});
