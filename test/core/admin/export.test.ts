import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../../src/core/admin/csv.js";
import { adminExport, giveFeedback } from "../../../src/core/use-cases/index.js";
import fc from "fast-check";
import { happened, scheduledPair, unwrap, world } from "../use-cases/helpers.js";

const table = (text: string): Record<string, string>[] => {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ""])));
};

describe("admin export", () => {
  it("round-trips: members, requests and chats parse back to what the store holds; notes only when asked", async () => {
    const w = world();
    const { seeker, volunteer, chat } = await scheduledPair(w, { goals: 'learn "pipelines", then, ML\nstep by step' });
    const done = await happened(w, chat, seeker);
    unwrap(await giveFeedback(w.deps, { actor: seeker, chatId: done.id, rating: 5, note: 'Secret: =SUM(A1) and, quotes "' }));
    unwrap(await giveFeedback(w.deps, { actor: volunteer, chatId: done.id, rating: 4, note: "well prepared" }));
    const ada = { ...w.actor("ada"), platformAdmin: true };

    const plain = unwrap(await adminExport(w.deps, { actor: ada, includeNotes: false }));
    expect(plain.files.map((f) => f.name)).toEqual(["members.csv", "requests.csv", "chats.csv"]);
    const byName = Object.fromEntries(plain.files.map((f) => [f.name, table(f.text)]));
    const members = await w.store.tx((tx) => tx.listMembers(w.communityId));
    expect(byName["members.csv"]?.map((m) => m.member_id)).toEqual(members.map((m) => m.id));
    expect(byName["members.csv"]?.find((m) => m.member_id === volunteer.memberId)).toMatchObject({
      display_name: "vera",
      volunteer_expertise: "ux-design",
      volunteer_capacity_per_month: "4",
    });
    const requests = await w.store.tx((tx) => tx.listRequests(w.communityId));
    expect(byName["requests.csv"]).toEqual(
      requests.map((r) =>
        expect.objectContaining({
          request_id: r.id,
          seeker_id: r.seekerId,
          goals: r.goals,
          status: r.status,
          created_at: r.createdAt.toISOString(),
        }),
      ),
    );
    const [c] = byName["chats.csv"] ?? [];
    expect(c).toMatchObject({
      chat_id: done.id,
      status: "happened",
      seeker_rating: "5",
      volunteer_rating: "4",
      slot_start: done.slot?.start.toISOString(),
    });
    expect(Object.keys(c ?? {})).not.toContain("seeker_note");
    expect(plain.files.map((f) => f.text).join("")).not.toContain("Secret");

    const withNotes = unwrap(await adminExport(w.deps, { actor: ada, includeNotes: true }));
    const chats = table(withNotes.files.find((f) => f.name === "chats.csv")?.text ?? "");
    // A leading "=" is defused for spreadsheets; everything else survives quoting.
    expect(chats[0]).toMatchObject({ seeker_note: 'Secret: =SUM(A1) and, quotes "', volunteer_note: "well prepared" });
  });

  it("CSV writing and parsing are inverse for any cells (formula-looking cells get a leading quote)", () => {
    const cellArb = fc.string({ maxLength: 20 }).filter((s) => !/^[=+\-@]/.test(s) || /^-?\d+(\.\d+)?$/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        expect(parseCsv(toCsv(["a", "b"], rows))).toEqual([["a", "b"], ...rows]);
      }),
    );
    expect(parseCsv(toCsv(["x"], [["=1+1"]]))).toEqual([["x"], ["'=1+1"]]);
  });
});
