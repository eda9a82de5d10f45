import { describe, expect, it } from "vitest";
import { dispatch, parseText, type Reply } from "../../../src/core/commands/index.js";
import type { Actor } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  HOUR,
  getChat,
  getIntro,
  getMember,
  getRequest,
  happened,
  makeSeeker,
  makeVolunteer,
  request,
  requestAndChoose,
  scheduledPair,
  snapshot,
  world,
  type World,
} from "../use-cases/helpers.js";

/** Types a command as a person would, through the text parser and dispatch. */
async function say(w: World, actor: Actor, text: string): Promise<Reply> {
  const parsed = parseText(text, (word) => {
    const m = /^<@(\w+)>$/.exec(word);
    return m ? `${w.communityId}:${m[1]}` : null;
  });
  if (parsed.kind === "unsupported") throw new Error(`"${text}" did not parse: ${JSON.stringify(parsed.problem)}`);
  return dispatch(w.deps, actor, parsed);
}

/** The reply's result code, or "ok". */
const code = (r: Reply): string => ("result" in r ? (r.result.ok ? "ok" : r.result.code) : "ok");

function value<K extends Reply["kind"]>(
  r: Reply,
  kind: K,
): Extract<Reply, { kind: K }> extends { result: infer R } ? (R extends { ok: true; value: infer V } ? V : never) : never {
  expect(r.kind).toBe(kind);
  if (!("result" in r) || !r.result.ok) throw new Error(`expected ok, got ${code(r)}`);
  return r.result.value as never;
}

describe("dispatch: implicit targets", () => {
  it('"accept" with two intros waiting asks which (in status order); "accept <name>" takes that one; with one left, no name is needed', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const first = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(HOUR);
    const second = await requestAndChoose(w, tom, "ux-design", vera);

    const asked = value(await say(w, vera, "accept"), "which");
    expect(asked).toMatchObject({ command: "accept", problem: "several" });
    expect(asked.options.map((o) => o.person.name)).toEqual(["sam", "tom"]);
    expect(asked.options.map((o) => o.command)).toEqual([
      { kind: "accept", introId: first.intro.id },
      { kind: "accept", introId: second.intro.id },
    ]);
    expect((await getIntro(w, first.intro.id))?.status).toBe("pending");
    expect(value(await say(w, vera, "accept zed"), "which")).toMatchObject({ problem: "no_match", given: "zed" });
    const r = value(await say(w, vera, "accept TO"), "accept");
    expect(r.intro.id).toBe(second.intro.id);
    const again = value(await say(w, vera, "accept"), "accept");
    expect(again.intro.id).toBe(first.intro.id);
    expect(code(await say(w, vera, "accept"))).toBe("NOTHING_TO_ANSWER");
  });

  it("a name two people share the start of is ambiguous and lists only them; the full name decides", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const pia = await makeSeeker(w, "pia", "ux-design");
    const piet = await makeSeeker(w, "piet", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    for (const s of [pia, piet, tom]) await requestAndChoose(w, s, "ux-design", vera);
    const asked = value(await say(w, vera, "decline pi not my area"), "which");
    expect(asked).toMatchObject({ command: "decline", problem: "several", reason: "pi not my area" });
    const amb = value(await say(w, vera, "accept pi"), "which");
    expect(amb).toMatchObject({ problem: "ambiguous", given: "pi" });
    expect(amb.options.map((o) => o.person.name)).toEqual(["pia", "piet"]);
    expect(value(await say(w, vera, "accept PIA"), "accept").chat.seekerId).toBe(pia.memberId);
    value(await say(w, vera, "decline piet not my area"), "decline");
    const intros = await w.store.tx((tx) => tx.listIntros(w.communityId, { volunteerId: vera.memberId }));
    expect(intros.find((i) => i.seekerId === piet.memberId)).toMatchObject({ status: "declined", declineReason: "not my area" });
  });

  it('"accept <id>" acts on that intro; someone else\'s is NOT_YOURS', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    expect(code(await dispatch(w.deps, uma, { kind: "accept", introId: intro.id }))).toBe("NOT_YOURS");
    expect(code(await say(w, uma, `accept ${intro.id}`))).toBe("NOTHING_TO_ANSWER");
    expect(code(await say(w, uma, "accept"))).toBe("NOTHING_TO_ANSWER");
    expect(value(await say(w, vera, `accept ${intro.id}`), "accept").intro.id).toBe(intro.id);
  });

  it('"decline [reason]" and NOTHING_TO_ANSWER; expired intros are not picked', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    expect(code(await say(w, vera, "decline"))).toBe("NOTHING_TO_ANSWER");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(72 * HOUR);
    expect(code(await say(w, vera, "decline"))).toBe("NOTHING_TO_ANSWER");
    expect(code(await say(w, vera, "accept"))).toBe("NOTHING_TO_ANSWER");
    w.clock.advance(-72 * HOUR);
    value(await say(w, vera, "decline  away all month "), "decline");
    expect(await getIntro(w, intro.id)).toMatchObject({ status: "declined", declineReason: "away all month" });
  });

  it('"pick 2" picks a slot of my chat waiting for one; NOTHING_TO_PICK otherwise', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    expect(code(await say(w, sam, "pick 2"))).toBe("NOTHING_TO_PICK");
    await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = value(await say(w, vera, "accept"), "accept");
    const picked = value(await say(w, sam, "pick 2"), "pick");
    expect(picked.chat).toMatchObject({ id: chat.id, status: "scheduled", slot: chat.proposedSlots[1] });
    expect(code(await say(w, vera, "pick 1"))).toBe("NOTHING_TO_PICK");
    expect(code(await say(w, sam, "pick 4"))).toBe("NOTHING_TO_PICK");
  });

  it('"happened" records the chat that has started; before that it is TOO_EARLY; NO_CHAT without one', async () => {
    const w = world();
    const eve = await makeSeeker(w, "eve", "ux-design");
    expect(code(await say(w, eve, "happened"))).toBe("NO_CHAT");
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    const r = await say(w, sam, "happened");
    expect(r).toMatchObject({ kind: "outcome", outcome: "happened" });
    expect(code(r)).toBe("TOO_EARLY");
    w.clock.set(new Date((chat.slot?.start.getTime() ?? 0) + 40 * 60_000));
    const done = value(await say(w, vera, "happened"), "outcome");
    expect(done.chat).toMatchObject({ id: chat.id, status: "happened" });
    // The other person still answers for themselves: a different answer is kept as a dispute.
    const disputed = value(await say(w, sam, "noshow"), "outcome");
    expect(disputed.chat).toMatchObject({ id: chat.id, status: "disputed" });
    expect(code(await say(w, eve, "noshow"))).toBe("NO_CHAT");
  });

  it('"reschedule" moves my next scheduled chat', async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    const r = value(await say(w, sam, "reschedule"), "outcome");
    expect(r.chat).toMatchObject({ id: chat.id, status: "proposing", reschedules: 1 });
    expect(code(await say(w, sam, "reschedule"))).toBe("NO_CHAT");
  });

  it('"cancel" calls off my newest open chat, else withdraws my newest request; NOTHING_TO_CANCEL otherwise', async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request: req, chat } = await scheduledPair(w);
    expect(value(await say(w, vera, "cancel"), "confirm")).toMatchObject({
      action: "cancel",
      command: { chatId: chat.id, confirmed: true },
    });
    expect((await getChat(w, chat.id))?.status).toBe("scheduled");
    expect(value(await say(w, vera, "cancel yes"), "cancel")).toEqual({ what: "chat", replay: false });
    expect((await getChat(w, chat.id))?.status).toBe("cancelled");
    // The volunteer cancelled, so sam's request moved on (waitlisted: nobody else); now sam withdraws it.
    expect(value(await say(w, sam, "cancel"), "cancel")).toEqual({ what: "request", replay: false });
    expect((await getRequest(w, req.id))?.status).toBe("cancelled");
    expect(code(await say(w, sam, "cancel"))).toBe("NOTHING_TO_CANCEL");
  });

  it('"choose 1", "choose auto", "choose <@member>"; BAD_CHOICE and NOTHING_TO_CHOOSE', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design, user-research");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    expect(code(await say(w, sam, "choose 1"))).toBe("NOTHING_TO_CHOOSE");
    const r = await request(w, sam, "ux-design, user-research");
    expect(r.suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId, uma.memberId]);
    const bad = await say(w, sam, "choose 3");
    expect(code(bad)).toBe("BAD_CHOICE");
    expect(bad.kind === "choose" && !bad.result.ok && bad.result.detail).toEqual({ choices: 2 });

    const chosen = value(await say(w, sam, "choose 2"), "choose");
    expect(chosen.intro.volunteerId).toBe(uma.memberId);
    // The request is now offered: choosing again resolves to it and replays the same intro.
    const again = value(await say(w, sam, "choose auto"), "choose");
    expect(again).toMatchObject({ replay: true, intro: { id: chosen.intro.id } });
    expect(code(await say(w, sam, `choose <@vera>`))).toBe("NOT_OPEN");

    const w2 = world();
    const v2 = await makeVolunteer(w2, "vera", "ux-design");
    const s2 = await makeSeeker(w2, "sam", "ux-design");
    await request(w2, s2, "ux-design");
    expect(value(await say(w2, s2, "choose auto"), "choose").intro.volunteerId).toBe(v2.memberId);
    const w3 = world();
    const v3 = await makeVolunteer(w3, "vera", "ux-design");
    const s3 = await makeSeeker(w3, "sam", "ux-design");
    await request(w3, s3, "ux-design");
    expect(value(await say(w3, s3, "choose <@vera>"), "choose").intro.volunteerId).toBe(v3.memberId);
  });

  it('"pause +2w" and "pause 2w" pause for two weeks; "pause 2026-12-24" until that date in my zone; BAD_DATE otherwise', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const now = w.clock.now().getTime();
    expect(value(await say(w, vera, "pause +2w"), "pause").member.pausedUntil).toEqual(new Date(now + 14 * DAY));
    expect(value(await say(w, vera, "pause 2w"), "pause").member.pausedUntil).toEqual(new Date(now + 14 * DAY));
    expect(value(await say(w, vera, "pause 3d"), "pause").member.pausedUntil).toEqual(new Date(now + 3 * DAY));
    // Berlin is UTC+1 in December: local midnight is 23:00 UTC the day before.
    expect(value(await say(w, vera, "pause 2026-12-24"), "pause").member.pausedUntil).toEqual(new Date("2026-12-23T23:00:00Z"));
    expect(await getMember(w, vera.memberId)).toMatchObject({ status: "paused", pausedUntil: new Date("2026-12-23T23:00:00Z") });
    const bad = await say(w, vera, "pause someday");
    expect(code(bad)).toBe("BAD_DATE");
    expect(code(await say(w, vera, "pause 2026-02-30"))).toBe("BAD_DATE");
    // A past date is refused where the date is read, saying it has passed.
    const past = await say(w, vera, "pause 2020-01-01");
    expect(code(past)).toBe("BAD_DATE");
    expect(past).toMatchObject({ result: { detail: { problem: { code: "PAST_DATE" } } } });
    expect(value(await say(w, vera, "resume"), "resume").wasPaused).toBe(true);
  });

  it('"refer <@member>" after a chat I volunteered in; NO_CHAT otherwise', async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    await makeVolunteer(w, "rhea", "user-research");
    expect(code(await say(w, vera, "refer <@rhea>"))).toBe("NO_CHAT");
    await happened(w, chat, sam);
    expect(code(await say(w, sam, "refer <@rhea>"))).toBe("NO_CHAT");
    const r = value(await say(w, vera, "refer <@rhea>"), "refer");
    expect(r.request).toMatchObject({ seekerId: sam.memberId, referredBy: vera.memberId });
  });

  it('"feedback 5 note" rates my latest chat that happened; NO_CHAT before', async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    expect(code(await say(w, sam, "feedback 5 great"))).toBe("NO_CHAT");
    await happened(w, chat, sam);
    expect(value(await say(w, sam, "feedback 5 great chat"), "feedback")).toMatchObject({
      chatId: chat.id,
      aboutId: vera.memberId,
      rating: 5,
      note: "great chat",
    });
    expect(value(await say(w, vera, "feedback 4"), "feedback")).toMatchObject({ aboutId: sam.memberId, note: "" });
  });
});

describe("dispatch: the other commands", () => {
  it("profile, volunteer, availability, request, status, help, block, leave", async () => {
    const w = world();
    const ann = w.actor("ann", "Europe/Berlin");
    expect(await say(w, ann, "help pause")).toEqual({ kind: "help", topic: "pause" });
    expect(value(await say(w, ann, "profile ML, js -- how models ship"), "profile")).toMatchObject({
      interests: ["machine-learning", "javascript"],
      learn: "how models ship",
    });
    const shown = await say(w, ann, "profile");
    expect(shown).toMatchObject({ kind: "profile", shown: true });
    expect(
      value(await say(w, ann, "volunteer ux research --cap 3 --formats video,phone --link https://meet.example/ann"), "volunteer"),
    ).toMatchObject({
      expertise: ["ux-design", "research"],
      capacityPerMonth: 3,
      formats: ["video", "phone"],
      meetingLink: "https://meet.example/ann",
    });
    expect(code(await say(w, ann, "volunteer ux --cap 99"))).toBe("BAD_CAPACITY");
    expect(value(await say(w, ann, "availability mon-fri 9-12 America/New_York --off 2026-12-24"), "availability").member).toMatchObject({
      timeZone: "America/New_York",
      availability: { datesOff: ["2026-12-24"] },
    });
    // An unknown zone is refused by the core's zone reader, on every surface alike (with suggestions).
    expect(code(await say(w, ann, "availability mon 9-12 Mars/Base"))).toBe("BAD_ZONE");
    const bob = await makeVolunteer(w, "bob", "machine-learning", "America/New_York");
    const req = value(await say(w, ann, "request machine learning -- how models ship"), "request");
    expect(req.suggestions.map((s) => s.volunteer.id)).toEqual([bob.memberId]);
    const status = value(await say(w, ann, "status"), "status");
    expect(status.requests.map((r) => r.id)).toEqual([req.request.id]);
    expect(value(await say(w, ann, "block <@bob>"), "block").member.blocked).toEqual([bob.memberId]);
    expect(code(await say(w, ann, "block <@nobody>"))).toBe("UNKNOWN_MEMBER");
    expect(value(await say(w, ann, "leave"), "leave").cancelledRequests).toBe(1);
    expect((await snapshot(w)).requests.map((r) => r.status)).toEqual(["cancelled"]);
  });
});
