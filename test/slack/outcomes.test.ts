import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chat } from "../../src/core/domain/index.js";
import { buttonsIn } from "../fakes/slack/payloads.js";
import type { FakeMessage } from "../fakes/slack/web-api.js";
import { parseInvite } from "../support/ics.js";
import { HOUR } from "../support/world.js";
import { type Harness, startHarness } from "./harness.js";

/**
 * On Slack, through the real Bolt app: an intro answered late still counts, a no-show is
 * disputed by the other person, and a cancelled chat's calendar event is cancelled by an
 * uploaded .ics — each message checked as the member reads it.
 */
describe("Slack journeys: a late accept, a disputed no-show, a cancellation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ mode: "http" });
  });
  afterAll(async () => h.stop());

  const seeker = () => h.user("T1", "U0SAM", "sam", "Europe/Berlin");
  const volunteer = () => h.user("T1", "U0VERA", "vera", "Europe/Berlin");
  const chats = (): Promise<Chat[]> => h.store.tx(async (tx) => tx.listChats((await tx.listCommunities())[0]?.id ?? ""));
  const newest = (msgs: FakeMessage[], has: string): FakeMessage => {
    const m = [...msgs].reverse().find((x) => x.text.includes(has));
    if (!m) throw new Error(`no message with "${has}" in ${JSON.stringify(msgs.map((x) => x.text))}`);
    return m;
  };

  /** Sam picks the first time in his newest "Pick a time" message. */
  async function samPicks() {
    const slots = newest(h.messagesTo(seeker()), "Pick a time");
    const first = buttonsIn(slots.blocks)[0];
    if (!first) throw new Error("no time buttons");
    await h.click(seeker(), first.label, slots);
    await h.tick();
  }

  it("a late accept revives the intro while Sam is still waiting", async () => {
    const sam = seeker();
    const vera = volunteer();
    await h.slash(vera, "volunteer ux research --bio Design lead");
    await h.slash(vera, "availability mon-fri 09:00-17:00 Europe/Berlin");
    await h.slash(sam, "availability mon-fri 09:00-17:00 Europe/Berlin");
    await h.slash(sam, "request ux research -- how to move into UX research");
    await h.click(sam, "Choose");
    await h.tick();
    const intro = newest(h.messagesTo(vera), "would like a 30-minute chat");

    h.clock.advance(73 * HOUR);
    await h.tick();
    expect(newest(h.messagesTo(sam), "didn't get back in time").text).toMatch(
      /^vera didn't get back in time\. You're on the waitlist for now\.\n.+I'll introduce you as soon as someone new volunteers for it\.$/,
    );

    await h.click(vera, "Accept", intro);
    expect(intro.text).toContain("Thank you — they're still looking, so the intro is back on!");
    await h.tick();
    expect(newest(h.messagesTo(sam), "Pick a time").text).toContain("Good news — vera said yes to a 30-minute chat!");
    await samPicks();
    expect((await chats())[0]?.status).toBe("scheduled");
  });

  it("Sam says the chat didn't happen; Vera says it did; both answers are kept", async () => {
    const [chat] = await chats();
    if (!chat?.slot) throw new Error("no booked chat");
    h.clock.set(new Date(chat.slot.end.getTime() + HOUR + 1000));
    await h.tick();
    const checkIn = newest(h.messagesTo(seeker()), "Did your chat");
    await h.click(seeker(), "Didn't happen", checkIn);
    expect(checkIn.text).toContain("Sorry it didn't happen. You're back in the queue");
    await h.tick();
    expect(newest(h.messagesTo(volunteer()), "noted that your chat").text).toContain(
      "sam noted that your chat didn't happen. If it did, type",
    );

    await h.slash(volunteer(), "happened");
    expect(String(h.lastResponse().text)).toBe("Thanks — sam answered differently, so I've kept both answers for the community admins.");
    await h.tick();
    expect(newest(h.messagesTo(seeker()), "says your chat").text).toContain(
      "vera says your chat did happen. I've kept both answers for the community admins",
    );
    expect((await chats())[0]?.status).toBe("disputed");
  });

  it("Sam books again and cancels: the calendar cancellation is uploaded to both", async () => {
    await h.slash(seeker(), "reschedule");
    await h.tick();
    await samPicks();
    const [chat] = (await chats()).filter((c) => c.status === "scheduled");
    if (!chat?.slot) throw new Error("no booked chat");
    const uploadsBefore = h.fake.state.files.size;

    await h.slash(seeker(), "cancel");
    expect(String(h.lastResponse().text)).toMatch(/^Cancel your chat with vera, .+\? vera will be told/);
    await h.slash(seeker(), "cancel yes");
    expect(String(h.lastResponse().text)).toBe("Cancelled the chat; I've let the other person know.");
    await h.tick();
    expect(newest(h.messagesTo(volunteer()), "had to cancel").text).toContain("sam had to cancel your coffee chat.");
    expect(newest(h.messagesTo(seeker()), "is cancelled").text).toContain("The calendar cancellation (.ics) is attached");
    const uploads = [...h.fake.state.files.values()].slice(uploadsBefore);
    const dm = (u: { id: string }) => [...h.fake.state.channels.values()].find((c) => c.members.length === 1 && c.members[0] === u.id)?.id;
    expect(uploads.map((f) => f.channel).sort()).toEqual([dm(seeker()), dm(volunteer())].sort());
    for (const f of uploads) {
      expect(f.filename).toBe("coffee-chat-cancelled.ics");
      // The fake keeps the upload's raw multipart body: the calendar is the part between its BEGIN and END lines.
      const ics = /BEGIN:VCALENDAR[\s\S]*END:VCALENDAR\r\n/.exec(f.content)?.[0] ?? "";
      expect(parseInvite(ics)).toMatchObject({
        method: "CANCEL",
        uid: `${chat.id}@percolate`,
        status: "CANCELLED",
        sequence: (chat.invite?.sequence ?? 0) + 1,
        start: chat.slot.start,
      });
    }
  });
});
