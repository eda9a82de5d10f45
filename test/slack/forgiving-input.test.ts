import { afterEach, describe, expect, it } from "vitest";
import { textValue } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

/* Issue 14 on Slack, through the real Bolt against the fake: what people type from a phone, "off" as a topic, links. */
let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

async function start() {
  h = await startHarness({ mode: "http", sqlite: false });
  return { h, sam: h.user("T1", "U0SAM", "sam", "Europe/London") };
}
const said = (x: Harness) => String(x.lastResponse().text);

describe("slash text as phones type it", () => {
  it.each([
    ["request ml — how to start", 'Nobody fits "machine-learning" right now'],
    ["volunteer ml —cap 3", "Topics: machine-learning · up to 3 chats a month"],
    ["volunteer --cap 2", "Missing the topics you can talk about."],
    ["volunteer ml --foo bar", '"--foo" isn\'t an option of volunteer (it takes --cap, --formats, --link or --bio).'],
    [
      "volunteer ml --link javascript:alert(1)",
      '"javascript:alert(1)" isn\'t a link people can open, like https://meet.example.org/you (--link). Usage: `/coffee volunteer &lt;topics&gt;',
    ],
  ])("/coffee %s", async (typed, answer) => {
    const { h, sam } = await start();
    await h.slash(sam, typed);
    expect(said(h)).toContain(answer);
  });
});

describe("volunteer off in the Slack volunteer form", () => {
  it("stops volunteering instead of volunteering for 'off'", async () => {
    const { h, sam } = await start();
    await h.slash(sam, "volunteer data-engineering");
    await h.submit(sam, "percolate_volunteer", { tags: textValue("off") });
    await h.slash(sam, "status");
    expect(said(h)).toContain("Volunteering: off (data-engineering)");
  });
});
