import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultCounts } from "../../src/app/faults.js";
import { communityIdOf, memberIdOf } from "../../src/discord/ids.js";
import { UNREADABLE } from "../../src/discord/inbound.js";
import { G1, G2, startBot, user, type Bot } from "./harness.js";
import { EPHEMERAL, text } from "./helpers.js";

const GENERAL = "810000000000000011";
const sam = user("4001", "Sam");
const stranger = user("4999", "Stranger");

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ memory: true });
});
afterAll(() => bot.stop());

type Payload = Record<string, unknown>;
const clone = (p: Payload): Payload => structuredClone(p);
const command = (): Payload => bot.fake.commandPayload(G1, sam, "status");
const click = (customId = `${G1}|accept|intro_1`): Payload =>
  bot.fake.clickPayload(sam, { id: "500000000000000001", channel_id: GENERAL, content: "an intro", components: [] }, customId, {
    guildId: G1,
  });
const dataOf = (p: Payload): Payload => p.data as Payload;
const without = (p: Payload, key: string): Payload => {
  const c = clone(p);
  delete c[key];
  return c;
};
const withData = (p: Payload, patch: Payload): Payload => ({ ...clone(p), data: { ...dataOf(p), ...patch } });

/** Each malformed INTERACTION_CREATE a gateway might deliver, and whether it still carries an id and token to answer. */
const variants = (): [string, Payload, "answer" | "silent"][] => [
  ["a command without data", without(command(), "data"), "answer"],
  ["a command whose data is null", { ...command(), data: null }, "answer"],
  ["a command whose data is a string", { ...command(), data: "status" }, "answer"],
  ["a command without a name", withData(command(), { name: undefined }), "answer"],
  ["a command whose options are not a list", withData(command(), { options: "status" }), "answer"],
  ["a command with an option without a name", withData(command(), { options: [{ type: 1 }] }), "answer"],
  ["a command whose resolved data is a string", withData(command(), { resolved: "x" }), "answer"],
  ["a guild interaction without a member", without(command(), "member"), "answer"],
  ["a guild interaction whose member has no user", { ...command(), member: { roles: [], permissions: "0" } }, "answer"],
  [
    "a guild interaction whose member has unreadable permissions",
    { ...command(), member: { ...(command().member as Payload), permissions: "lots" } },
    "answer",
  ],
  [
    "a guild interaction whose roles are not a list",
    { ...command(), member: { ...(command().member as Payload), roles: "admin" } },
    "answer",
  ],
  ["an interaction without guild_id, member or user", without(without(command(), "guild_id"), "member"), "answer"],
  ["a malformed guild_id", { ...command(), guild_id: "not-a-guild" }, "answer"],
  ["a channel without an id", { ...command(), channel: { type: 0 } }, "answer"],
  ["no application_id", without(command(), "application_id"), "answer"],
  ["a click without a custom_id", withData(click(), { custom_id: undefined }), "answer"],
  ["a click with a 500-character custom_id", withData(click(), { custom_id: "x".repeat(500) }), "answer"],
  ["a click without a component_type", withData(click(), { component_type: undefined }), "answer"],
  ["a click without its message", without(click(), "message"), "answer"],
  ["a select whose values are not a list", withData(click(), { component_type: 3, values: "1" }), "answer"],
  ["a modal without components", { ...clone(command()), type: 5, data: { custom_id: "form|request" } }, "answer"],
  [
    "a modal whose rows are not objects",
    { ...clone(command()), type: 5, data: { custom_id: "form|request", components: [null] } },
    "answer",
  ],
  ["autocomplete without data", { ...without(command(), "data"), type: 4 }, "answer"],
  ["an unknown interaction type", { ...command(), type: 99 }, "silent"],
  ["a ping over the gateway", { ...command(), type: 1 }, "silent"],
  ["no id", without(command(), "id"), "silent"],
  ["no token", without(command(), "token"), "silent"],
  ["a payload that is null", null as unknown as Payload, "silent"],
];

describe("malformed Discord interactions never end the bot (finding 6)", () => {
  it("each is refused (answered with an apology when it can be), counted, and the bot keeps answering", async () => {
    const counted = faultCounts().malformedInput.discord ?? 0;
    const list = variants();
    for (const [name, payload, mode] of list) {
      bot.fake.gateway.dispatch("INTERACTION_CREATE", payload);
      if (mode === "answer") {
        const a = await bot.fake.answer(String(payload.id));
        expect({ name, type: a.type, flags: a.data.flags }).toEqual({
          name,
          type: payload.type === 4 ? 8 : 4,
          flags: payload.type === 4 ? undefined : EPHEMERAL,
        });
        if (payload.type !== 4) expect(text(a)).toBe(UNREADABLE);
      }
    }
    // Gateway events are handled in order: an answer to this one means every one before was handled.
    const ok = await bot.fake.command(G1, sam, "status");
    expect(text(ok)).toContain("Sam");
    expect((faultCounts().malformedInput.discord ?? 0) - counted).toBe(list.length);
    expect(bot.adapter.client.isReady()).toBe(true);
  });

  it("answers a well-formed click with a stale or foreign custom_id with the fix, in a guild and in a DM", async () => {
    for (const id of ["not|ours", `${G1}|accept|`, `${G1}|nonsense|x`, `${G2}|accept|intro_1`, "99999999999999999999999|accept|intro_1"]) {
      const a = await bot.fake.click(sam, { id: "1", channel_id: GENERAL, content: "old", components: [], nonce: null, files: [] }, id, {
        guildId: G1,
      });
      expect(text(a)).toContain("/coffee status");
    }
    const ok = await bot.fake.command(G1, sam, "status");
    expect(text(ok)).toContain("Sam");
  });

  it("a DM click carrying another guild's custom_id does not make the clicker a member of that guild's community", async () => {
    await bot.fake.command(G1, sam, "volunteer", { tags: "ux research" });
    const dm = { id: "2", channel_id: "600000000000000001", content: "someone else's intro", components: [], nonce: null, files: [] };
    for (const custom of [`${G1}|accept|intro_1`, `${G1}|outcome|chat_1|happened`, `${G1}|choose|req_1|auto`]) {
      const a = await bot.fake.click(stranger, dm, custom);
      expect(text(a)).toContain("out of date");
    }
    expect(await bot.store.tx((tx) => tx.getMember(communityIdOf(G1), memberIdOf(G1, stranger.id)))).toBeNull();
    expect((await bot.store.tx((tx) => tx.listMembers(communityIdOf(G1)))).map((m) => m.displayName)).toEqual(["Sam"]);
    // A member's own DM click still works as before (here: an intro that does not exist).
    const own = await bot.fake.click(sam, dm, `${G1}|accept|intro_404`);
    expect(text(own)).not.toContain("out of date");
  });
});
