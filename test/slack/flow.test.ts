import { afterEach, describe, expect, it } from "vitest";
import { buttonsIn, textValue } from "../fakes/slack/payloads.js";
import { DAY, HOUR } from "../support/world.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** A seeker and two volunteers, from sign-up to the follow-up after their chat. */
async function wholeFlow(mode: "http" | "socket") {
  h = await startHarness({ mode, sqlite: mode === "http" });
  const { fake } = h;
  const seeker = h.user("T1", "U0SEEKER", "sam", "Europe/London");
  const carol = h.user("T1", "U0CAROL", "carol", "Europe/Berlin");
  const dave = h.user("T1", "U0DAVE", "dave", "America/New_York");

  // Carol volunteers by command, Dave through the forms.
  expect((await h.slash(carol, "volunteer ux research, product design --cap 2 --bio Design lead")).status).toBe(200);
  expect(String(h.lastResponse().text)).toContain("Thanks for volunteering");
  expect(h.lastResponse().response_type).toBe("ephemeral");
  await h.slash(carol, "availability mon-fri 09:00-17:00 Europe/Berlin");
  await h.slash(dave, "volunteer");
  const opened = fake.state.views.filter((v) => v.method === "views.open");
  expect(opened.at(-1)?.view.callback_id).toBe("percolate_volunteer");
  await h.submit(dave, "percolate_volunteer", {
    tags: textValue("ux research, user interviews"),
    capacity: textValue("3"),
    bio: textValue("Researcher"),
  });
  await h.slash(dave, "availability");
  const tzInput = JSON.stringify(fake.state.views.at(-1)?.view);
  expect(tzInput).toContain("America/New_York");
  const form = await h.submit(dave, "percolate_availability", {
    days: {
      value: {
        type: "checkboxes",
        selected_options: [1, 2, 3, 4].map((d) => ({ text: { type: "plain_text", text: "d" }, value: String(d) })),
      },
    },
    from: { value: { type: "timepicker", selected_time: "10:00" } },
    to: { value: { type: "timepicker", selected_time: "14:00" } },
    zone: textValue("America/New_York"),
  });
  expect(form.body).toContain("update");

  // Sam asks, chooses the first suggestion, and the intro goes out as a DM with buttons.
  await h.slash(seeker, "availability weekdays 9-18 Europe/London");
  await h.slash(seeker, "request ux research -- how to move from support into UX research");
  expect(String(h.lastResponse().text)).toContain("Here's who could help");
  await h.click(seeker, "Choose");
  expect(h.lastResponse().replace_original).toBe(true);
  expect(buttonsIn(h.lastResponse().blocks)).toHaveLength(0);
  await h.tick();
  const volunteer = [carol, dave].find((v) => h?.messagesTo(v).length) ?? carol;
  const intro = h.messagesTo(volunteer).at(-1);
  if (!intro) throw new Error("no intro DM");
  expect(intro.metadata?.event_type).toBe("percolate_nudge");
  expect(buttonsIn(intro.blocks).map((b) => b.label)).toEqual(["Accept", "Decline"]);

  // Accept: the intro updates in place and loses its buttons; both get the slots.
  await h.click(volunteer, "Accept", intro);
  expect(intro.edits).toBe(1);
  expect(buttonsIn(intro.blocks)).toHaveLength(0);
  expect(intro.text).toContain("Thank you");
  await h.tick();
  const slots = h.messagesTo(seeker).at(-1);
  if (!slots) throw new Error("no slots DM");
  expect(buttonsIn(slots.blocks).length).toBeGreaterThan(0);
  await h.click(seeker, "", slots);
  await h.tick();

  // The group DM holds both people's times, the goals and the invite.
  const group = [...fake.state.channels.values()].find((c) => c.members.length === 2);
  if (!group) throw new Error("no group DM");
  expect(group.members.sort()).toEqual([seeker.id, volunteer.id].sort());
  const confirmed = fake.state.messagesIn(group.id)[0];
  expect(confirmed?.text).toContain("Confirmed");
  expect(confirmed?.text).toContain("how to move from support");
  expect(JSON.stringify(confirmed?.blocks)).toContain("Europe/London");
  expect(JSON.stringify(confirmed?.blocks)).toContain(mode === "http" ? volunteer.tz : volunteer.tz);
  const ics = [...fake.state.files.values()][0];
  expect(ics?.channel).toBe(group.id);
  expect(ics?.content).toContain("BEGIN:VCALENDAR");

  // The clock drives the follow-up: prep, reminder, then the check-in with buttons.
  const before = fake.callsOf("chat.postMessage").length;
  for (let i = 0; i < 16 && !fake.state.messagesIn(group.id).some((m) => m.text.includes("Did your chat")); i++) {
    h.clock.advance(DAY);
    await h.tick();
  }
  expect(fake.callsOf("chat.postMessage").length).toBeGreaterThan(before + 1);
  expect(h.messagesTo(seeker).some((m) => m.text.includes("prep goes a long way"))).toBe(true);
  const checkIn = [...fake.state.messages].reverse().find((m) => m.text.includes("Did your chat"));
  if (!checkIn) throw new Error("no check-in");
  await h.click(seeker, "It happened", checkIn);
  expect(
    buttonsIn(checkIn.blocks)
      .map((b) => b.label)
      .join(),
  ).toContain("★");
  await h.click(seeker, "★★★★★", checkIn);
  expect(checkIn.text).toContain("feedback stays private");
  expect(buttonsIn(checkIn.blocks)).toHaveLength(0);
  h.clock.advance(3 * HOUR);
  await h.tick();
  expect(h.messagesTo(seeker).some((m) => m.text.includes("thank-you"))).toBe(true);

  // The Home tab shows the member's state with buttons to edit.
  await h.home(seeker);
  const home = fake.state.views.filter((v) => v.method === "views.publish").at(-1);
  expect(home?.user).toBe(seeker.id);
  expect(JSON.stringify(home?.view)).toContain("Edit profile");
}

describe("Slack end to end through Bolt", () => {
  it("runs the whole flow over the HTTP receiver on SQLite", () => wholeFlow("http"), 60_000);
  it("runs the whole flow over Socket Mode", () => wholeFlow("socket"), 60_000);
});
