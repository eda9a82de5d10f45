import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeParts, mrkdwnTexts, shown } from "../fakes/slack/block-kit.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

const DISGUISED = "<https://evil.example/login|https://zoom.us/j/123>";
const GOALS = `join me at ${DISGUISED} <!channel> <!here> <@U0VERA> & bring <#C0GENERAL>`;

describe("a seeker's text reaches a volunteer's DM inert on Slack (finding 2)", () => {
  it("goals with a disguised link and mass mentions show as typed: no link, no mention", async () => {
    const vera = h.user("T1", "U0VERA", "vera", "Europe/Berlin");
    const sam = h.user("T1", "U0SAM", "sam <!everyone>", "Europe/London");
    await h.slash(vera, "volunteer ux research --cap 2 --bio I design at <https://acme.example|Acme> & <!here>");
    await h.slash(vera, "availability mon-fri 9-17 Europe/Berlin");
    await h.slash(sam, "availability mon-fri 9-17 Europe/London");
    await h.slash(sam, `request ux research -- ${GOALS}`);

    // The suggestions Sam sees show Vera's bio as typed.
    const suggestions = h.lastResponse();
    for (const t of [String(suggestions.text), ...mrkdwnTexts(suggestions.blocks)]) expect(activeParts(t)).toEqual([]);
    expect(shown(mrkdwnTexts(suggestions.blocks).join("\n"))).toContain("I design at <https://acme.example|Acme> & <!here>");

    await h.click(sam, "Choose");
    await h.tick();
    const intro = h.messagesTo(vera).find((m) => m.text.includes("would like a"));
    if (!intro) throw new Error("no intro DM to vera");
    const texts = [intro.text, ...mrkdwnTexts(intro.blocks)];
    for (const t of texts) expect(activeParts(t)).toEqual([]);
    const seen = shown(mrkdwnTexts(intro.blocks).join("\n"));
    expect(seen).toContain(`Their goals: ${GOALS}`);
    expect(seen).toContain("sam <!everyone> would like a 30-minute chat");
    expect(intro.text).not.toContain("<!channel>");
    expect(intro.text).toContain("&lt;https://evil.example/login|https://zoom.us/j/123&gt;");
  });
});
