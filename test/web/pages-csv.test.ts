import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/core/admin/csv.js";
import { communitySlug, register as csv } from "../../src/web/pages/csv.js";
import { pagesApp, text, viewer } from "./pages-support.js";

describe("CSV downloads", () => {
  for (const table of ["funnel", "queue", "volunteers", "chats", "no-shows"]) {
    it(`${table}.csv is an attachment named after the community and the day, never cached`, async () => {
      const { get } = await pagesApp(viewer, [csv]);
      const { res, body } = await get(`csv/${table}.csv?period=all`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("content-disposition")).toBe(`attachment; filename="stats-club-${table}-2026-11-23.csv"`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const parsed = parseCsv(body);
      expect(parsed[0]?.length).toBeGreaterThan(1);
      // Every person column has its name beside its id.
      for (const h of parsed[0] ?? [])
        if (/^(seeker|volunteer|member)_id$/.test(h)) expect(parsed[0]).toContain(h.replace(/_id$/, "_name"));
    });
  }

  it("chats.csv has the notes only with notes=1", async () => {
    const { get } = await pagesApp(viewer, [csv]);
    const without = (await get("csv/chats.csv?period=all")).body;
    const withNotes = (await get("csv/chats.csv?period=all&notes=1")).body;
    expect(without).not.toContain("Came prepared");
    expect(withNotes).toContain("Came prepared");
  });

  it("honours the period: the funnel of the last 30 days differs from all time", async () => {
    const { get } = await pagesApp(viewer, [csv]);
    const all = (await get("csv/funnel.csv?period=all")).body;
    const month = (await get("csv/funnel.csv?period=30d")).body;
    expect(all).not.toBe(month);
  });

  it("answers an unknown table with a 404 page naming the downloads", async () => {
    const { get } = await pagesApp(viewer, [csv]);
    const { res, body } = await get("csv/passwords.csv");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(text(body)).toContain(
      'There is no table called "passwords.csv". The downloads are funnel.csv, queue.csv, volunteers.csv, chats.csv and no-shows.csv.',
    );
  });

  it("refuses a period it cannot read", async () => {
    const { get } = await pagesApp(viewer, [csv]);
    const { res, body } = await get("csv/funnel.csv?period=later");
    expect(res.status).toBe(400);
    expect(text(body)).toContain('"later" isn\'t a period I can show');
    expect(text(body)).not.toContain("Showing the last 12 weeks");
  });

  it("makes a file-name-safe slug of any community name", () => {
    expect(communitySlug(viewer.communityName)).toBe("stats-club");
    expect(communitySlug('Café "Crème" / Zürich 2026')).toBe("cafe-creme-zurich-2026");
    expect(communitySlug("☕☕")).toBe("community");
  });
});
