import { afterEach, describe, expect, it } from "vitest";
import { buttonsIn, channelMembership } from "../fakes/slack/payloads.js";
import type { FakeMessage, FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const PROGRAM = "C0PROGRAM";
const DAY = 86_400_000;

/** Everything a message shows a person: its blocks' words, or its fallback text. */
const shown = (m: FakeMessage | undefined): string => JSON.stringify(m?.blocks ?? m?.text ?? "");

describe("a peer round on Slack, from joining the program channel to the meet rate", () => {
  it("welcomes, opts in by button, pairs five members as a pair and a trio in group DMs, asks and records 'we met'", async () => {
    const harness = await startHarness({ mode: "http" });
    h = harness;
    harness.deps.programChannel = harness.adapter.programChannel;
    harness.fake.state.channels.set(PROGRAM, { id: PROGRAM, members: ["UBOT"] });
    const ana = harness.user("T1", "U0ANA", "ana", "Europe/London");
    ana.isAdmin = true;
    const people: FakeUser[] = [
      ana,
      harness.user("T1", "U0BO", "bo", "America/New_York"),
      harness.user("T1", "U0CY", "cy", "Europe/Berlin"),
      harness.user("T1", "U0DI", "di", "Europe/London"),
      harness.user("T1", "U0ED", "ed", "Europe/Paris"),
    ];
    await harness.slash(ana, `admin settings programChannelId ${PROGRAM}`);

    // Each joins the channel, reads the welcome DM and clicks *Pair me with peers* in it.
    for (const u of people) {
      await harness.fake.send("events_api", channelMembership(u, PROGRAM, true));
      await harness.adapter.idle();
    }
    await harness.tick();
    for (const u of people) {
      const [welcome, ...more] = harness.messagesTo(u);
      expect(more).toHaveLength(0);
      expect(shown(welcome)).toContain("Welcome! Coffee chats happen in this community.");
      expect(buttonsIn(welcome?.blocks).map((b) => b.label)).toContain("Pair me with peers");
      await harness.click(u, "Pair me with peers", welcome);
      expect(String(harness.lastResponse().text)).toContain("🤝 You're in peer rounds!");
    }

    await harness.slash(ana, "admin rounds");
    expect(String(harness.lastResponse().text)).toContain("In: 5 — ana, bo, cy, di, ed");

    await harness.slash(ana, "admin rounds run");
    expect(String(harness.lastResponse().text)).toContain("Round done: 2 group(s) from 5 member(s), 0 unpaired, 0 skipped.");
    await harness.tick();

    // One group DM of two and one of three, each holding its members only, with one introduction.
    const groups = [...harness.fake.state.channels.values()].filter((c) => c.id.startsWith("G"));
    expect(groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    const byId = new Map(people.map((u) => [u.id, u]));
    for (const g of groups) {
      const posted = harness.fake.state.messagesIn(g.id);
      expect(posted).toHaveLength(1);
      const intro = shown(posted[0]);
      const names = g.members.map((id) => byId.get(id)?.name ?? id);
      // Written for the whole conversation, not from one member's side.
      expect(intro).toContain(" — you're paired this round!");
      expect(intro).not.toContain("you're paired with");
      // Everyone in the conversation reads their own name in it, and no one else's.
      for (const n of names) expect(intro).toContain(n);
      for (const u of people) if (!g.members.includes(u.id)) expect(intro).not.toContain(`*${u.name}*`);
      expect(intro).toContain(g.members.length === 3 ? "times that suit all three of you" : "times that suit you both");
      expect(intro).toMatch(/1\. \w{3} \d+ \w{3}, \d\d:\d\d–\d\d:\d\d/);
      // A button per proposed time (any member may book one), then the skip.
      expect(
        buttonsIn(posted[0]?.blocks)
          .map((b) => b.label)
          .at(-1),
      ).toBe("Skip the next round");
    }

    // At the end of the period each member is asked, in their DM, whether they met.
    harness.clock.advance(13 * DAY);
    await harness.tick();
    const trio = groups.find((g) => g.members.length === 3);
    const [firstId] = trio?.members ?? [];
    const first = firstId ? byId.get(firstId) : undefined;
    if (!first || !trio) throw new Error("no trio");
    const ask = harness.messagesTo(first).at(-1);
    expect(shown(ask)).toContain("Did you meet");
    for (const id of trio.members) if (id !== first.id) expect(shown(ask)).toContain(byId.get(id)?.name ?? id);
    expect(buttonsIn(ask?.blocks).map((b) => b.label)).toEqual(["We met", "We didn't meet"]);

    await harness.click(first, "We met", ask);
    expect(String(harness.lastResponse().text)).toContain("Glad you met");

    await harness.slash(ana, "admin rounds");
    const figures = String(harness.lastResponse().text);
    const names = trio.members.map((id) => byId.get(id)?.name ?? id);
    expect(figures).toMatch(new RegExp(`• (${names.join("|")}) & (${names.join("|")}) & (${names.join("|")}) — met`));
    expect(figures).toContain("— no answer yet");
    expect(figures).toContain("Meet rate: 50% (1 of 2 met, 0 didn't)");
  });
});
