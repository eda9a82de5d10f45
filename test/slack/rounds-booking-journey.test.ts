import { afterEach, describe, expect, it } from "vitest";
import { formatSlot } from "../../src/core/time/index.js";
import { buttonsIn } from "../fakes/slack/payloads.js";
import type { FakeMessage, FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const MIN = 60_000;

/** Everything a message shows a person: its blocks' words, or its fallback text. */
const shown = (m: FakeMessage | undefined): string => JSON.stringify(m?.blocks ?? m?.text ?? "");

describe("a peer group on Slack books one of its times, then is reminded and asked after it", () => {
  it("a member clicks a time in the group DM; everyone reads the booking, the reminder before it and 'did you meet?' after", async () => {
    const harness = await startHarness({ mode: "http" });
    h = harness;
    const ana = harness.user("T1", "U0ANA", "ana", "Europe/London");
    ana.isAdmin = true;
    const people: FakeUser[] = [
      ana,
      harness.user("T1", "U0BO", "bo", "America/New_York"),
      harness.user("T1", "U0CY", "cy", "Europe/Berlin"),
    ];
    for (const u of people) await harness.slash(u, "rounds join");
    await harness.slash(ana, "admin rounds run");
    expect(String(harness.lastResponse().text)).toContain("Round done: 1 group(s) from 3 member(s)");
    await harness.tick();

    const [dm] = [...harness.fake.state.channels.values()].filter((c) => c.id.startsWith("G"));
    if (!dm) throw new Error("no group DM");
    expect(dm.members.sort()).toEqual(["U0ANA", "U0BO", "U0CY"]);
    const [intro] = harness.fake.state.messagesIn(dm.id);
    const times = buttonsIn(intro?.blocks).map((b) => b.label);
    expect(times).toHaveLength(4);
    expect(times.at(-1)).toBe("Skip the next round");
    expect(shown(intro)).toContain("Any of you can book one — click it or type `/coffee rounds pick &lt;n&gt;`");

    // bo clicks the second time: only bo is answered privately; the group DM reads the booking.
    const bo = people[1] as FakeUser;
    await harness.click(bo, times[1] ?? "", intro);
    const answer = harness.lastResponse();
    expect(answer.response_type).toBe("ephemeral");
    expect(String(answer.text)).toContain("📅 Booked: ");
    expect(String(answer.text)).toContain("I've told your group");
    await harness.tick();
    const slot = await harness.store.tx(async (tx) => (await tx.listPeerGroups("slack:T1"))[0]?.slot);
    if (!slot) throw new Error("no booked time");
    expect(formatSlot(slot, "Europe/London")).toBe(times[1]);
    const [, booking] = harness.fake.state.messagesIn(dm.id);
    const text = shown(booking);
    expect(text).toContain(`📅 bo booked ${times[1]} for the three of you.`);
    // Each reads the time in their own zone too.
    expect(text).toContain(`*bo*: ${formatSlot(slot, "America/New_York")} (America/New_York)`);
    expect(text).toContain(`*cy*: ${formatSlot(slot, "Europe/Berlin")} (Europe/Berlin)`);
    const files = [...harness.fake.state.files.values()].filter((f) => f.channel === dm.id);
    expect(files.map((f) => f.filename)).toEqual(["peer-round.ics"]);

    // Before the time, the reminder comes to the group DM.
    harness.clock.set(new Date(slot.start.getTime() - 60 * MIN));
    await harness.tick();
    const reminder = harness.fake.state.messagesIn(dm.id).at(-1);
    expect(shown(reminder)).toContain("⏰ Your peer-round chat, ");
    expect(shown(reminder)).toContain(`starts ${times[1]}.`);
    for (const u of people) expect(shown(harness.messagesTo(u).at(-1))).not.toContain("Did you meet");

    // An hour after it ends, each member is asked in their DM.
    harness.clock.set(new Date(slot.end.getTime() + 60 * MIN));
    await harness.tick();
    for (const u of people) {
      const ask = harness.messagesTo(u).at(-1);
      expect(shown(ask)).toContain("Did you meet");
      expect(buttonsIn(ask?.blocks).map((b) => b.label)).toEqual(["We met", "We didn't meet"]);
    }
  });
});
