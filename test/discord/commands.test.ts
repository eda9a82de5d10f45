import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coffeeCommand, registerCommands } from "../../src/discord/index.js";
import { SUBCOMMANDS } from "../../src/discord/commands.js";
import { APPLICATION_ID } from "../fakes/discord/index.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { answersUntil, text } from "./helpers.js";

describe("/coffee registration and help", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  it("registers /coffee for one guild and globally", async () => {
    const rest = new REST({ api: bot.fake.apiUrl }).setToken("fake-token");
    expect(await registerCommands(rest, APPLICATION_ID, G1)).toEqual({ scope: `guild ${G1}`, count: 1 });
    expect(await registerCommands(rest, APPLICATION_ID)).toEqual({ scope: "global", count: 1 });
    const [cmd] = (bot.fake.rest.commands.get(G1) ?? []) as { name: string; options: { name: string }[] }[];
    expect(cmd?.name).toBe("coffee");
    expect(cmd?.options.map((o) => o.name)).toEqual([...SUBCOMMANDS.map((s) => s.name), "admin"]);
    expect(bot.fake.rest.commands.get("global")).toHaveLength(1);
  });

  it("keeps Discord's limits: ≤ 25 subcommands, names and descriptions within bounds", () => {
    const c = coffeeCommand();
    expect(c.options?.length).toBeLessThanOrEqual(25);
    for (const s of SUBCOMMANDS) {
      expect(s.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(s.description.length).toBeLessThanOrEqual(100);
      for (const o of s.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
    }
  });

  it("answers /coffee help with the slash forms", async () => {
    const a = await bot.fake.command(G1, user("1001", "Alice"), "help");
    // The help page runs past one message: the reply, then a follow-up, together the whole page.
    const parts = await answersUntil(bot, a, "More about one command");
    expect(parts[0]?.type).toBe(4);
    expect(parts.map(text).join("\n")).toContain("/coffee request tags:<topics> goals:<what you want to learn>");
  });
});
