import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textValue, viewSubmission } from "../fakes/slack/payloads.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
let boss: FakeUser;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
  boss = { ...h.user("T1", "UADM", "boss", "UTC"), isAdmin: true };
  h.fake.state.users.set(boss.id, boss);
});
afterAll(() => h.stop());

const CALLBACK = "percolate_settings";
const settings = async () => {
  const s = (await h.store.tx((tx) => tx.getCommunity("slack:T1")))?.settings;
  if (!s) throw new Error("no community");
  return s;
};
const checked = (values: string[]) => ({
  value: { type: "checkboxes", selected_options: values.map((v) => ({ text: { type: "plain_text" as const, text: v }, value: v })) },
});
const errorsOf = (body: string): Record<string, string> => (JSON.parse(body) as { errors?: Record<string, string> }).errors ?? {};

interface Block {
  type: string;
  block_id?: string;
  element?: { type: string; initial_value?: string; initial_options?: { value: string }[] };
}
/** Opens the modal as `u`; returns the view Slack was asked to open (or undefined). */
async function open(u: FakeUser) {
  const before = h.fake.callsOf("views.open").length;
  const responses = h.fake.responses.length;
  const sent = await h.slash(u, "admin settings");
  const calls = h.fake.callsOf("views.open");
  const call = calls.length > before ? calls.at(-1) : undefined;
  return {
    sent,
    call,
    answered: h.fake.responses.slice(responses),
    view: call?.params.view as { callback_id: string; private_metadata: string; blocks: Block[] } | undefined,
  };
}
const inputs = (blocks: Block[]) => Object.fromEntries(blocks.filter((b) => b.type === "input").map((b) => [b.block_id ?? "", b.element]));

describe("Slack admin settings modal", () => {
  it("opens for an admin with the community's current values", async () => {
    const { call, view, answered } = await open(boss);
    expect(call?.params.trigger_id).toBeTruthy();
    expect(view?.callback_id).toBe(CALLBACK);
    expect(answered).toHaveLength(0);
    const fields = inputs(view?.blocks ?? []);
    const s = await settings();
    for (const key of [
      "chatMinutes",
      "responseWindowHours",
      "introReminderHours",
      "repeatWindowWeeks",
      "volunteerDefaultCapacity",
      "maxOpenRequestsPerSeeker",
      "matchEveryMinutes",
    ]) {
      expect(fields[key]?.initial_value, key).toBe(String(s[key as keyof typeof s]));
    }
    expect(fields.chatMinutes?.initial_value).toBe("30");
    expect(fields.programPaused?.type).toBe("checkboxes");
    expect(fields.programPaused?.initial_options).toBeUndefined();
    expect(fields.nudges?.initial_options?.map((o) => o.value).sort()).toEqual(Object.keys(s.nudges).sort());
  });

  it("saves the changed fields through the core and confirms them in a DM", async () => {
    const r = await h.submit(boss, CALLBACK, {
      chatMinutes: textValue("40"),
      responseWindowHours: textValue("72"),
      programPaused: checked(["paused"]),
      nudges: checked(["introReminder", "chatReminder", "checkIn", "thankYou", "referralAsk", "keepInTouch"]),
    });
    expect(JSON.parse(r.body)).toEqual({ response_action: "clear" });
    const s = await settings();
    expect(s.chatMinutes).toBe(40);
    expect(s.responseWindowHours).toBe(72);
    expect(s.programPaused).toBe(true);
    expect(s.nudges.prep).toBe(false);
    expect(s.nudges.checkIn).toBe(true);
    const dm = h.messagesTo(boss).at(-1)?.text ?? "";
    expect(dm).toContain("chatMinutes is now 40");
    expect(dm).toContain("programPaused is now on");
    expect(dm).toContain("nudges.prep is now off");
    expect(dm).not.toContain("responseWindowHours");

    const reopened = inputs((await open(boss)).view?.blocks ?? []);
    expect(reopened.chatMinutes?.initial_value).toBe("40");
    expect(reopened.programPaused?.initial_options?.map((o) => o.value)).toEqual(["paused"]);
  });

  it("keeps the modal open with the core's reason under a bad field, and saves nothing", async () => {
    const before = await settings();
    const r = await h.submit(boss, CALLBACK, {
      chatMinutes: textValue("20"),
      responseWindowHours: textValue("500"),
      matchEveryMinutes: textValue("often"),
    });
    const errors = errorsOf(r.body);
    expect(JSON.parse(r.body).response_action).toBe("errors");
    expect(Object.keys(errors).sort()).toEqual(["matchEveryMinutes", "responseWindowHours"]);
    expect(errors.responseWindowHours).toContain("12 to 336");
    expect(errors.responseWindowHours).toContain("500");
    expect(errors.matchEveryMinutes).toContain("often");
    expect(await settings()).toEqual(before);
  });

  it("only applies what the admin edited in the modal they were shown", async () => {
    const { view } = await open(boss);
    await h.slash(boss, "admin settings repeatWindowWeeks 8");
    const payload = viewSubmission(boss, CALLBACK, { repeatWindowWeeks: textValue("12"), maxOpenRequestsPerSeeker: textValue("2") });
    payload.view.private_metadata = view?.private_metadata ?? "";
    await h.fake.send("interactive", { ...payload });
    await h.adapter.idle();
    const s = await settings();
    expect(s.repeatWindowWeeks).toBe(8);
    expect(s.maxOpenRequestsPerSeeker).toBe(2);
  });

  it("refuses a non-admin with the core's words and opens no modal", async () => {
    const nob = h.user("T1", "UNOB", "nob", "UTC");
    const { call, answered } = await open(nob);
    expect(call).toBeUndefined();
    expect(answered).toHaveLength(1);
    expect(answered[0]?.body.response_type).toBe("ephemeral");
    expect(String(answered[0]?.body.text)).toContain("Only community admins can use admin settings");

    const before = await settings();
    const r = await h.submit(nob, CALLBACK, { chatMinutes: textValue("15") });
    expect(errorsOf(r.body).chatMinutes).toContain("Only community admins");
    expect(await settings()).toEqual(before);
  });

  it("keeps the text form working", async () => {
    await h.slash(boss, "admin settings chatMinutes 25");
    expect(String(h.lastResponse().text)).toContain("Saved: chatMinutes is now 25.");
    await h.slash(boss, "admin settings chatMinutes 99");
    expect(String(h.lastResponse().text)).toContain("15 to 45");
    expect((await settings()).chatMinutes).toBe(25);
  });
});
