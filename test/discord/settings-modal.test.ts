import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, startBot, user, type Bot } from "./harness.js";
import { answersUntil, EPHEMERAL, text } from "./helpers.js";

const owner = { ...user("4701", "Olga"), admin: true };
const kim = user("4702", "Kim");
const KEYS = ["chatMinutes", "responseWindowHours", "repeatWindowWeeks", "volunteerDefaultCapacity", "maxOpenRequestsPerSeeker"];

interface Input {
  type: number;
  custom_id: string;
  label: string;
  value?: string;
  required?: boolean;
}
/** The text inputs of a modal answer (type 9), in order. */
const inputsOf = (data: Record<string, unknown>): Input[] =>
  (data.components as { components: Input[] }[]).flatMap((row) => row.components);

describe("Discord /coffee admin settings form", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  const settings = async () => (await bot.store.tx((tx) => tx.getCommunity(`discord:${G1}`)))?.settings;

  /** Opens the form as the owner; returns its custom_id and prefilled values. */
  async function open(): Promise<{ id: string; values: Record<string, string> }> {
    const a = await bot.fake.command(G1, owner, "admin settings");
    expect(a.type).toBe(9);
    const inputs = inputsOf(a.data);
    return { id: String(a.data.custom_id), values: Object.fromEntries(inputs.map((x) => [x.custom_id, x.value ?? ""])) };
  }

  it("opens a modal for an admin, prefilled with the five settings' current values", async () => {
    await bot.fake.command(G1, owner, "admin settings", { key: "chatMinutes", value: "45" });
    const a = await bot.fake.command(G1, owner, "admin settings");
    expect(a.type).toBe(9);
    const inputs = inputsOf(a.data);
    expect(inputs).toHaveLength(5);
    expect(inputs.map((x) => x.custom_id)).toEqual(KEYS);
    expect(inputs.every((x) => x.type === 4)).toBe(true);
    const s = await settings();
    expect(inputs.map((x) => x.value)).toEqual([
      String(s?.chatMinutes),
      String(s?.responseWindowHours),
      String(s?.repeatWindowWeeks),
      String(s?.volunteerDefaultCapacity),
      String(s?.maxOpenRequestsPerSeeker),
    ]);
    expect(inputs[0]?.value).toBe("45");
    expect(String(a.data.custom_id).length).toBeLessThanOrEqual(100);
  });

  it("saves the changed fields through the core and lists what changed", async () => {
    const { id, values } = await open();
    const a = await bot.fake.submitModal(G1, owner, id, { ...values, chatMinutes: "20", responseWindowHours: "96" });
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toContain("Saved 2 settings");
    expect(text(a)).toContain("chatMinutes: 45 → 20");
    expect(text(a)).toContain("responseWindowHours: 72 → 96");
    expect(text(a)).not.toContain("repeatWindowWeeks");
    const s = await settings();
    expect(s?.chatMinutes).toBe(20);
    expect(s?.responseWindowHours).toBe(96);
    expect(s?.repeatWindowWeeks).toBe(12);
  });

  it("saves nothing when one value is invalid, naming the field and its range", async () => {
    const before = await settings();
    const { id, values } = await open();
    const a = await bot.fake.submitModal(G1, owner, id, { ...values, chatMinutes: "25", maxOpenRequestsPerSeeker: "50" });
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toContain('"50" won\'t work for maxOpenRequestsPerSeeker: use a whole number from 1 to 10.');
    expect(text(a)).toContain("Nothing was saved");
    expect(await settings()).toEqual(before);
  });

  it("leaves fields alone that the admin did not edit, even if they changed meanwhile", async () => {
    const { id, values } = await open();
    await bot.fake.command(G1, owner, "admin settings", { key: "repeatWindowWeeks", value: "8" });
    const a = await bot.fake.submitModal(G1, owner, id, { ...values, volunteerDefaultCapacity: "3" });
    expect(text(a)).toContain("Saved 1 setting:");
    const s = await settings();
    expect(s?.repeatWindowWeeks).toBe(8);
    expect(s?.volunteerDefaultCapacity).toBe(3);
    const same = await bot.fake.submitModal(G1, owner, (await open()).id, (await open()).values);
    expect(text(same)).toContain("Nothing changed");
  });

  it("refuses a non-admin with the core's answer and no modal", async () => {
    const a = await bot.fake.command(G1, kim, "admin settings");
    expect(a.type).toBe(4);
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toContain("Only community admins");
    expect(bot.fake.rest.answersTo(a.interactionId).some((x) => x.type === 9)).toBe(false);
  });

  it("refuses a non-admin's submission of the form and saves nothing", async () => {
    const before = await settings();
    const { id, values } = await open();
    const a = await bot.fake.submitModal(G1, kim, id, { ...values, chatMinutes: "15" });
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toContain("Only community admins");
    expect(await settings()).toEqual(before);
  });

  it("still lists every setting with show:true and sets one with key: value:", async () => {
    const list = await bot.fake.command(G1, owner, "admin settings", { show: true });
    // The listing runs past one message: the reply, then a follow-up.
    const parts = await answersUntil(bot, list, "admins: ");
    expect(parts[0]?.type).toBe(4);
    const all = parts.map(text).join("\n");
    expect(all).toContain("Community settings");
    expect(all).toContain("defaultTimeZone");
    const set = await bot.fake.command(G1, owner, "admin settings", { key: "horizonDays", value: "21" });
    expect(text(set)).toContain("Saved: horizonDays is now 21.");
  });
});
