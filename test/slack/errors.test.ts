import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shown } from "../fakes/slack/block-kit.js";
import { textValue } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

const errorsOf = (body: string): Record<string, string> => {
  const parsed = JSON.parse(body) as { response_action?: string; errors?: Record<string, string> };
  expect(parsed.response_action).toBe("errors");
  return parsed.errors ?? {};
};

describe("helpful errors on Slack", () => {
  it("plain /coffee shows help with the commands as Slack commands", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    await h.slash(u, "");
    const text = shown(String(h.lastResponse().text));
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(text).toContain("`/coffee request <topics> -- <what you want to learn>`");
  });

  it("answers an unknown subcommand ephemerally, suggesting the nearest one", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    await h.slash(u, "volunter ux");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(String(h.lastResponse().text)).toContain('I don\'t know "volunter"');
    expect(shown(String(h.lastResponse().text))).toContain("`/coffee volunteer <topics>");
    await h.slash(u, "forget-everything");
    expect(String(h.lastResponse().text)).toContain("`/coffee help`");
  });

  it("names what is missing in a command", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    await h.slash(u, "request ux research");
    expect(String(h.lastResponse().text)).toContain("what you want to learn");
    await h.slash(u, "block sam");
    expect(String(h.lastResponse().text)).toContain("isn't a member");
  });

  it("resolves a Slack mention to a member of the same workspace", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    await h.slash(h.user("T1", "U0B", "bob", "UTC"), "status");
    await h.slash(u, "block <@U0B|bob>");
    expect(String(h.lastResponse().text)).toContain("won't be matched");
  });

  it("keeps an invalid volunteer form open with the problem under the field", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    const r = await h.submit(u, "percolate_volunteer", { tags: textValue(""), capacity: textValue("lots"), link: textValue("meet me") });
    const errors = errorsOf(r.body);
    expect(Object.keys(errors).sort()).toEqual(["capacity", "link", "tags"]);
    expect(errors.capacity).toContain("lots");
    expect(await h.store.tx((tx) => tx.getVolunteer("slack:T1", "slack:T1:U0A"))).toBeNull();
  });

  it("rejects an availability form whose end is before its start, or an unknown zone", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    const r = await h.submit(u, "percolate_availability", {
      days: { value: { type: "checkboxes", selected_options: [{ text: { type: "plain_text", text: "Monday" }, value: "1" }] } },
      from: { value: { type: "timepicker", selected_time: "15:00" } },
      to: { value: { type: "timepicker", selected_time: "09:00" } },
      zone: textValue("Mars/Olympus"),
    });
    const errors = errorsOf(r.body);
    expect(errors.to).toContain("after the start");
    expect(errors.zone).toContain("Mars/Olympus");
  });

  it("shows a refusal from the core in the modal too", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    const r = await h.submit(u, "percolate_volunteer", { tags: textValue("ux"), capacity: textValue("999") });
    expect(errorsOf(r.body).capacity).toContain("chats per month");
  });

  it("answers a stale or forged button without changing anything", async () => {
    const u = h.user("T1", "U0A", "ann", "UTC");
    const message = {
      channel: "D1",
      ts: "1.1",
      text: "old",
      blocks: [
        {
          type: "actions",
          block_id: "b",
          elements: [{ type: "button", action_id: "cmd:x", value: "accept|", text: { type: "plain_text", text: "Accept" } }],
        },
      ],
      edits: 0,
    };
    await h.click(u, "Accept", message);
    expect(h.lastResponse().replace_original).toBe(false);
    expect(String(h.lastResponse().text)).toContain("out of date");
  });
});
