import { describe, expect, it } from "vitest";
import { dashboardChats } from "../../src/core/use-cases/index.js";
import { FIGURES } from "../../src/text/figures.js";
import { admin, element, pagesApp, rows, tableProblems, text } from "./pages-support.js";

const HEAD = [
  "When",
  "Seeker and volunteer",
  "Status",
  "Seeker's answer",
  "Volunteer's answer",
  "Seeker's rating",
  "Volunteer's rating",
  "Thanked",
];

describe("the Chats page", () => {
  it("shows the feedback averages, with their explanation", async () => {
    const { get } = await pagesApp();
    const { res, body } = await get("chats");
    expect(res.status).toBe(200);
    const fb = text(element(body, "dl", "feedback-figures"));
    // s1 gave v1 a 5, v1 gave s1 a 4.
    expect(fb).toContain(`All ratings 4.5 out of 5 (2 ratings) ${FIGURES.feedback.help}`);
    expect(fb).toContain("From seekers 5 out of 5 (1 rating)");
    expect(fb).toContain("From volunteers 4 out of 5 (1 rating)");
  });

  it("lists the no-shows with who reported them", async () => {
    const { get } = await pagesApp();
    const { body } = await get("chats");
    const table = element(body, "table", "no-shows-table");
    expect(rows(table, "thead")).toEqual([["When", "Seeker", "Volunteer", "Reported by", "Status"]]);
    const got = rows(table, "tbody");
    expect(got).toHaveLength(1);
    // c2: s2 with v1, held 12 November, s2 said it didn't happen.
    expect(got[0]?.[0]).toMatch(/12 Nov/);
    expect(got[0]?.slice(1)).toEqual(["S2", "V1", "S2", "Didn't happen"]);
    expect(body).toContain("/csv/no-shows.csv?period=12w");
  });

  it("lists the chats with each one's answer, ratings and thanks, and no notes unless asked", async () => {
    const { get, w } = await pagesApp();
    const { body } = await get("chats");
    const r = await dashboardChats(w.deps, { actor: admin, period: "12w", includeNotes: false });
    if (!r.ok) throw new Error(r.code);
    const table = element(body, "table", "chats-table");
    expect(rows(table, "thead")).toEqual([HEAD]);
    const got = rows(table, "tbody");
    expect(got).toHaveLength(r.value.rows.length);
    expect(got.map((x) => x[1])).toEqual(r.value.rows.map((c) => `${c.seeker.name} with ${c.volunteer.name}`));
    const c1 = got[r.value.rows.findIndex((c) => c.chatId === "c1")] ?? [];
    expect(c1.slice(1, 8)).toEqual([
      "S1 with V1",
      "Happened",
      "No answer",
      "No answer",
      "5 / 5",
      "4 / 5",
      r.value.rows.find((c) => c.chatId === "c1")?.thanked ? "Yes" : "No",
    ]);
    const c2 = got[r.value.rows.findIndex((c) => c.chatId === "c2")] ?? [];
    expect(c2.slice(1, 5)).toEqual(["S2 with V1", "Didn't happen", "It didn't happen", "No answer"]);
    const c4 = got[r.value.rows.findIndex((c) => c.chatId === "c4")];
    if (c4) expect(c4.slice(0, 3)).toEqual(["No time picked yet", "S4 with V2", "Choosing a time"]);
    expect(body).not.toContain("Came prepared");
    expect(body).not.toContain("Really");
    expect(text(body)).toContain("Feedback notes are hidden.");
    const form = element(body, "form", "notes-form");
    expect(form).toContain('<input type="checkbox" name="notes" value="1" id="notes-toggle" />');
    expect(text(form)).toContain("Show feedback notes (what people wrote about each other)");
    expect(form).toContain('<input type="hidden" name="period" value="12w" />');
    expect(body).toContain('/csv/chats.csv?period=12w"');
  });

  it("shows the notes, escaped, when the toggle is on, and keeps it on across a change of period", async () => {
    const { get } = await pagesApp();
    const { body } = await get("chats?period=all&notes=1");
    const table = element(body, "table", "chats-table");
    expect(rows(table, "thead")[0]?.slice(-2)).toEqual(["Seeker's note", "Volunteer's note"]);
    expect(table).toContain("Really &lt;b&gt;helpful&lt;/b&gt; &amp; kind");
    expect(table).toContain("Came prepared");
    expect(element(body, "form", "notes-form")).toContain('id="notes-toggle" checked');
    expect(element(body, "form", "period")).toContain('<input type="hidden" name="notes" value="1" />');
    expect(body).toContain("/csv/chats.csv?period=all&amp;notes=1");
    expect(body).not.toContain("Feedback notes are hidden.");
  });

  it("gives every table a caption and every header cell a scope, notes on or off", async () => {
    const { get } = await pagesApp();
    for (const p of ["chats", "chats?notes=1"]) expect(tableProblems((await get(p)).body)).toEqual([]);
  });
});
