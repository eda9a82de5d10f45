import { describe, expect, it } from "vitest";
import { dashboardVolunteers } from "../../src/core/use-cases/index.js";
import { FIGURES } from "../../src/text/figures.js";
import { admin, element, pagesApp, rows, tableProblems, text } from "./pages-support.js";

const HEAD = [
  "Volunteer",
  "Topics",
  "Chats this month",
  "Load",
  "Offered",
  "Accepted",
  "Declined",
  "Expired",
  "Median time to answer",
  "State",
];

describe("the Volunteers page", () => {
  it("lists every volunteer with load, responsiveness and state in words, as the report has them", async () => {
    const { get, w } = await pagesApp();
    const { res, body } = await get("volunteers");
    expect(res.status).toBe(200);
    const r = await dashboardVolunteers(w.deps, { actor: admin, period: "12w" });
    if (!r.ok) throw new Error(r.code);
    const table = element(body, "table", "volunteers-table");
    expect(rows(table, "thead")).toEqual([HEAD]);
    const got = rows(table, "tbody");
    expect(got.map((x) => x[0])).toEqual(r.value.rows.map((v) => v.volunteer.name));
    expect(got.map((x) => x[0]).sort()).toEqual(["V1", "V2", "V3", "V4"]);
    for (const [i, v] of r.value.rows.entries()) {
      const row = got[i] ?? [];
      expect(row[1]).toBe(v.expertise.join(", "));
      expect(row[2]).toBe(`${v.chatsThisMonth} of ${v.capacityPerMonth}`);
      expect(row[3]).toBe(`${Math.round(v.load * 100)}%`);
      expect(row.slice(4, 8)).toEqual([v.intros.offered, v.intros.accepted, v.intros.declined, v.intros.expired].map(String));
    }
    const byName = new Map(got.map((x) => [x[0], x]));
    // v1 answered i1 after 4 h and i2 after 12 h: median 8 h.
    expect(byName.get("V1")?.[8]).toBe("8 h");
    expect(byName.get("V2")?.[1]).toBe("ux-design, research");
    // v3 paused until 10 December; v4 let i7 expire and declined nothing.
    expect(byName.get("V3")?.[9]).toMatch(/^Paused until .*10 Dec 2026$/);
    expect(byName.get("V4")?.[7]).toBe("1");
    // The load bar is decoration beside its text.
    expect(table).toMatch(/<span class="load-text">\d+%<\/span> <meter [^>]*aria-hidden="true"><\/meter>/);
    expect(text(body)).toContain(FIGURES.load.help);
    expect(text(body)).toContain(FIGURES.responsiveness.help);
  });

  it("shows the recruiting list with its explanation, and the CSV link with the period", async () => {
    const { get, w } = await pagesApp();
    const { body } = await get("volunteers?period=30d");
    const r = await dashboardVolunteers(w.deps, { actor: admin, period: "30d" });
    if (!r.ok) throw new Error(r.code);
    const table = element(body, "table", "recruiting-table");
    expect(rows(table, "thead")).toEqual([["Topic", "Asked for", "Waiting now", "Volunteers", "Chats a month"]]);
    const got = rows(table, "tbody");
    expect(got).toEqual(r.value.recruiting.map((t) => [t.tag, t.requested, t.waiting, t.volunteers, t.capacity].map(String)));
    // Rust: asked for once (r8), waiting, and nobody lists it.
    expect(got).toContainEqual(["rust", "1", "1", "0", "0"]);
    expect(text(body)).toContain(FIGURES.recruiting.help);
    expect(body).toContain("/csv/volunteers.csv?period=30d");
    expect(body).toContain('<option value="30d" selected>');
  });

  it("names the accepted forms for a bad period", async () => {
    const { get } = await pagesApp();
    const { res, body } = await get("volunteers?period=soon");
    expect(res.status).toBe(400);
    expect(text(body)).toContain('"soon" isn\'t a period I can show');
  });

  it("gives every table a caption and every header cell a scope", async () => {
    const { get } = await pagesApp();
    expect(tableProblems((await get("volunteers")).body)).toEqual([]);
  });
});
