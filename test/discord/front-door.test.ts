import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, startBot, user, type Bot } from "./harness.js";
import { buttonId, componentsOf, EPHEMERAL, text } from "./helpers.js";

const owner = { ...user("4801", "Olga"), admin: true };
const sam = user("4802", "Sam");
const PROGRAM = "810000000000000011";
const DOOR_LABELS = ["I'd like to learn from someone", "I can help others", "Pair me with peers", "Not now"];

describe("the front door on Discord", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
    // As the service wires it: setting the program channel puts the door up through this adapter.
    bot.deps.programChannel = bot.adapter.programChannel;
  });
  afterAll(async () => bot.stop());

  const door = () => {
    const m = bot.fake.rest.messagesIn(PROGRAM);
    expect(m).toHaveLength(1);
    const first = m[0];
    if (!first) throw new Error("no front door");
    return first;
  };

  it("is posted with its four buttons and pinned when an admin sets the program channel, and never duplicated", async () => {
    const a = await bot.fake.command(G1, owner, "admin settings", { key: "programChannelId", value: `<#${PROGRAM}>` });
    expect(text(a)).toContain(`Saved: programChannelId is now ${PROGRAM}.`);
    expect(text(a)).toContain("The front door is posted and pinned in the program channel.");
    expect(door().content).toContain("☕ Coffee chats here");
    expect(componentsOf(door()).map((c) => c.label)).toEqual(DOOR_LABELS);
    expect(bot.fake.rest.pins.has(`${PROGRAM}:${door().id}`)).toBe(true);

    const again = await bot.fake.command(G1, owner, "admin settings", { key: "programChannelId", value: PROGRAM });
    expect(text(again)).toContain("The front door is up to date in the program channel.");
    expect(door().edits).toBe(1);
  });

  it("opens the request form from *I'd like to learn from someone* and the volunteer form from *I can help others*", async () => {
    const learn = await bot.fake.click(sam, door(), buttonId(door(), "learn from someone"), { guildId: G1 });
    expect(learn.type).toBe(9);
    expect(learn.data.custom_id).toBe("form|request");
    const help = await bot.fake.click(sam, door(), buttonId(door(), "I can help others"), { guildId: G1 });
    expect(help.type).toBe(9);
    expect(help.data.custom_id).toBe("form|volunteer");
  });

  it("answers *Pair me with peers* and *Not now* to the clicker alone, and the door keeps its buttons", async () => {
    const peers = await bot.fake.click(sam, door(), buttonId(door(), "Pair me with peers"), { guildId: G1 });
    expect(text(peers)).toContain("🤝 You're in peer rounds! Each round pairs you with a peer to meet for a chat.");
    expect(text(peers)).toContain("The next round is ");
    expect(Number(peers.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const later = await bot.fake.click(sam, door(), buttonId(door(), "Not now"), { guildId: G1 });
    expect(text(later)).toBe("No problem — the buttons stay here whenever you're ready.");
    expect(Number(later.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(componentsOf(door()).map((c) => c.label)).toEqual(DOOR_LABELS);
  });

  it("is posted again when the pinned message was deleted", async () => {
    const all = bot.fake.rest.messages;
    all.splice(
      all.findIndex((m) => m.channel_id === PROGRAM),
      1,
    );
    const a = await bot.fake.command(G1, owner, "admin settings", { key: "programChannelId", value: PROGRAM });
    expect(text(a)).toContain("The front door was gone, so I posted it again in the program channel.");
    expect(bot.fake.rest.pins.has(`${PROGRAM}:${door().id}`)).toBe(true);
  });
});
