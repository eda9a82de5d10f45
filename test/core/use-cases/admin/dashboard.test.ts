import { describe, expect, it } from "vitest";
import { chatsCsv, funnelCsv, noShowsCsv, queueCsv, volunteersCsv } from "../../../../src/core/admin/dashboard-csv.js";
import { parseCsv } from "../../../../src/core/admin/csv.js";
import {
  adminExport,
  adminQueue,
  adminStats,
  dashboardChats,
  dashboardVolunteers,
  giveFeedback,
  recordOutcome,
} from "../../../../src/core/use-cases/index.js";
import { DAY, expectFail, happened, makeSeeker, makeVolunteer, requestAndChoose, scheduledPair, unwrap, world } from "../helpers.js";

const table = (text: string): Record<string, string>[] => {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
};

async function history() {
  const w = world();
  const admin = { ...w.actor("ada"), platformAdmin: true };
  const one = await scheduledPair(w, { seeker: "sam", volunteer: "vera" });
  const done = await happened(w, one.chat, one.seeker);
  unwrap(await giveFeedback(w.deps, { actor: one.seeker, chatId: done.id, rating: 5, note: "she opened doors" }));
  unwrap(await giveFeedback(w.deps, { actor: one.volunteer, chatId: done.id, rating: 4, note: "keen, well prepared" }));
  const two = await scheduledPair(w, { seeker: "sue", volunteer: "vic" });
  if (!two.chat.slot) throw new Error("no slot");
  w.clock.set(new Date(two.chat.slot.start.getTime() + 2 * 3600_000));
  unwrap(await recordOutcome(w.deps, { actor: two.volunteer, chatId: two.chat.id, outcome: "no_show" }));
  return { w, admin, one, two, done };
}

describe("dashboard Chats page", () => {
  it("lists chats with activity, newest first, no-shows with who reported them, and notes only with the toggle", async () => {
    const { w, admin, one, two } = await history();
    const plain = unwrap(await dashboardChats(w.deps, { actor: admin, includeNotes: false }));
    expect(plain.rows.map((r) => [r.seeker.name, r.volunteer.name, r.status])).toEqual([
      ["sue", "vic", "no_show"],
      ["sam", "vera", "happened"],
    ]);
    expect(plain.rows.every((r) => r.notes === null)).toBe(true);
    expect(plain.rows[1]?.ratings).toEqual({ bySeeker: 5, byVolunteer: 4 });
    expect(plain.feedback).toMatchObject({ count: 2, average: 4.5 });
    expect(plain.noShows).toEqual([
      expect.objectContaining({ chatId: two.chat.id, reportedBy: [expect.objectContaining({ id: two.volunteer.memberId, name: "vic" })] }),
    ]);

    const csv = chatsCsv(plain);
    expect(csv.name).toBe("chats.csv");
    expect(csv.text).not.toContain("opened doors");
    const rows = table(csv.text);
    expect(Object.keys(rows[0] ?? {})).not.toContain("seeker_note");
    expect(rows[1]).toMatchObject({ seeker_id: one.seeker.memberId, seeker_name: "sam", volunteer_name: "vera", seeker_rating: "5" });
    expect(rows[0]).toMatchObject({ no_show_reported_by_ids: two.volunteer.memberId, no_show_reported_by_names: "vic" });
    expect(table(noShowsCsv(plain).text)).toEqual([
      expect.objectContaining({
        seeker_name: "sue",
        volunteer_name: "vic",
        reported_by_ids: two.volunteer.memberId,
        reported_by_names: "vic",
      }),
    ]);

    const withNotes = unwrap(await dashboardChats(w.deps, { actor: admin, includeNotes: true }));
    expect(withNotes.rows[1]?.notes).toEqual({ bySeeker: "she opened doors", byVolunteer: "keen, well prepared" });
    expect(table(chatsCsv(withNotes).text)[1]).toMatchObject({ seeker_note: "she opened doors", volunteer_note: "keen, well prepared" });
  });

  it("is for admins only, and names the periods it reads", async () => {
    const { w, one } = await history();
    expectFail(await dashboardChats(w.deps, { actor: one.seeker, includeNotes: true }), "NOT_ADMIN");
    expectFail(await dashboardVolunteers(w.deps, { actor: one.volunteer }), "NOT_ADMIN");
    const admin = { ...w.actor("ada"), platformAdmin: true };
    expect(expectFail(await dashboardChats(w.deps, { actor: admin, period: "soon", includeNotes: false }), "BAD_PERIOD")).toMatchObject({
      given: "soon",
    });
    // A year on, nothing happened in the last 30 days.
    w.clock.set(new Date(w.clock.now().getTime() + 365 * DAY));
    expect(unwrap(await dashboardChats(w.deps, { actor: admin, includeNotes: false })).rows).toEqual([]);
    expect(unwrap(await dashboardChats(w.deps, { actor: admin, period: "all", includeNotes: false })).rows).toHaveLength(2);
  });
});

describe("dashboard Volunteers page", () => {
  it("says where each volunteer stands: available, full, paused (dated), auto-paused, stopped; most loaded first", async () => {
    const { w, admin } = await history();
    await makeVolunteer(w, "pia", "ux-design");
    await makeVolunteer(w, "abe", "ux-design");
    await makeVolunteer(w, "ole", "ux-design");
    await makeVolunteer(w, "fay", "ux-design", undefined, undefined, { capacity: 1 });
    const now = w.clock.now();
    await w.store.tx(async (tx) => {
      const set = async (name: string, f: (m: NonNullable<Awaited<ReturnType<typeof tx.getMember>>>) => void) => {
        const m = await tx.getMember(w.communityId, w.actor(name).memberId);
        if (!m) throw new Error(name);
        f(m);
        await tx.saveMember(m);
      };
      await set("pia", (m) => {
        m.status = "paused";
        m.pausedUntil = new Date(now.getTime() + 7 * DAY);
      });
      await set("abe", (m) => {
        m.status = "paused";
        m.pausedUntil = null;
      });
      await set("ole", (m) => {
        m.status = "opted_out";
      });
    });
    // fay's one chat this month fills her.
    const seeker = await makeSeeker(w, "sid", "ux-design");
    const { intro } = await requestAndChoose(w, seeker, "ux-design", w.actor("fay"));
    expect(intro.volunteerId).toBe(w.actor("fay").memberId);

    const r = unwrap(await dashboardVolunteers(w.deps, { actor: admin, period: "all" }));
    const state = Object.fromEntries(r.rows.map((v) => [v.volunteer.name, v.state]));
    expect(state).toEqual({ vera: "available", vic: "available", pia: "paused", abe: "auto_paused", ole: "stopped", fay: "available" });
    expect(r.rows.find((v) => v.volunteer.name === "vera")).toMatchObject({ chatsThisMonth: 1, capacityPerMonth: 4, load: 0.25 });
    expect(r.rows.find((v) => v.volunteer.name === "vera")?.intros).toEqual({ offered: 1, accepted: 1, declined: 0, expired: 0 });
    expect(r.rows.find((v) => v.volunteer.name === "pia")?.pausedUntil?.getTime()).toBe(now.getTime() + 7 * DAY);

    const vcsv = table(volunteersCsv(r).text);
    expect(vcsv.find((v) => v.volunteer_name === "abe")).toMatchObject({ state: "auto_paused", volunteer_id: w.actor("abe").memberId });
  });

  it("counts a volunteer at capacity as full and lists them first", async () => {
    const w = world();
    const admin = { ...w.actor("ada"), platformAdmin: true };
    await scheduledPair(w, { seeker: "sam", volunteer: "fay", capacity: 1 });
    await makeVolunteer(w, "vera", "ux-design");
    const r = unwrap(await dashboardVolunteers(w.deps, { actor: admin }));
    expect(r.rows.map((v) => [v.volunteer.name, v.state, v.load])).toEqual([
      ["fay", "full", 1],
      ["vera", "available", 0],
    ]);
  });
});

describe("dashboard CSVs and admin export carry names beside ids", () => {
  it("funnel by week, the queue with who it is offered to, and export's chats and requests", async () => {
    const { w, admin, one } = await history();
    const stats = unwrap(await adminStats(w.deps, { actor: admin }));
    const funnel = table(funnelCsv(stats).text);
    expect(Object.keys(funnel[0] ?? {})).toEqual(["week_start", "requests", "intros", "accepted", "booked", "happened", "thanked"]);
    expect(funnel.reduce((a, r) => a + Number(r.requests), 0)).toBe(2);

    const seeker = await makeSeeker(w, "zed", "ux-design");
    await requestAndChoose(w, seeker, "ux-design", one.volunteer);
    const queue = table(queueCsv(unwrap(await adminQueue(w.deps, { actor: admin }))).text);
    expect(queue.find((q) => q.seeker_name === "zed")).toMatchObject({
      status: "offered",
      offered_to_id: one.volunteer.memberId,
      offered_to_name: "vera",
      waiting_hours: "0",
    });
    // Sue's request went back to the waitlist after the no-show.
    expect(queue.find((q) => q.seeker_name === "sue")).toMatchObject({ status: "waitlisted", offered_to_name: "" });

    const exported = unwrap(await adminExport(w.deps, { actor: admin, includeNotes: false }));
    const files = Object.fromEntries(exported.files.map((f) => [f.name, table(f.text)]));
    expect(files["chats.csv"]?.find((c) => c.status === "no_show")).toMatchObject({
      seeker_name: "sue",
      volunteer_name: "vic",
      no_show_reported_by_names: "vic",
      cancelled_by_name: "",
    });
    expect(files["requests.csv"]?.find((r) => r.seeker_name === "zed")).toMatchObject({ referred_by: "", referred_by_name: "" });
  });
});
