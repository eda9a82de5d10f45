import { afterEach, describe, expect, it } from "vitest";
import { formatSlot } from "../../src/core/time/index.js";
import type { FakeMessage } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** Everything a message shows a person: its blocks' words, or its fallback text. */
const shown = (m: FakeMessage | undefined): string => JSON.stringify(m?.blocks ?? m?.text ?? "");

describe("a peer group's introduction on Slack, members in several time zones", () => {
  it("lists the times in the first member's zone, and each other member reads them in their own", async () => {
    const harness = await startHarness({ mode: "http" });
    h = harness;
    const ana = harness.user("T1", "U0ANA", "ana", "Europe/London");
    ana.isAdmin = true;
    const bo = harness.user("T1", "U0BO", "bo", "America/New_York");
    const cy = harness.user("T1", "U0CY", "cy", "Europe/London");
    for (const u of [ana, bo, cy]) await harness.slash(u, "rounds join");
    await harness.slash(ana, "admin rounds run");
    await harness.tick();

    const [dm] = [...harness.fake.state.channels.values()].filter((c) => c.id.startsWith("G"));
    if (!dm) throw new Error("no group DM");
    const [intro] = harness.fake.state.messagesIn(dm.id);
    const group = await harness.store.tx(async (tx) => (await tx.listPeerGroups("slack:T1"))[0]);
    if (!group || group.proposedSlots.length === 0) throw new Error("no proposed times");
    const first = group.memberIds[0];
    const zoneOf = (id: string | undefined) => (id?.endsWith(":U0BO") ? "America/New_York" : "Europe/London");
    const text = shown(intro);
    // The introduction's own list and buttons use the first member's zone.
    expect(text).toContain(`1. ${formatSlot(group.proposedSlots[0] as never, zoneOf(first))}`);
    // Each member in another zone reads the same times in theirs; whoever shares the first zone gets no extra line.
    const lines = [
      ["ana", "U0ANA"],
      ["bo", "U0BO"],
      ["cy", "U0CY"],
    ].map(([name, id]) => {
      const zone = zoneOf(`:${id}`);
      const own = group.proposedSlots.map((s, i) => `${i + 1}. ${formatSlot(s, zone)}`).join(" · ");
      return { line: `*${name}*, in your time (${zone}): ${own}`, differs: zone !== zoneOf(first) };
    });
    expect(lines.filter((l) => l.differs).length).toBeGreaterThan(0);
    for (const l of lines) if (l.differs) expect(text).toContain(l.line);
    for (const l of lines) if (!l.differs) expect(text).not.toContain(l.line.slice(0, l.line.indexOf(":")));
  });
});
