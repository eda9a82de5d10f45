import { describe, expect, it } from "vitest";
import { FUNNEL_STEPS } from "../../src/core/stats/index.js";
import { adminStats } from "../../src/core/use-cases/index.js";
import { FIGURES } from "../../src/text/figures.js";
import { admin, element, pagesApp, rows, tableProblems, text } from "./pages-support.js";

async function stats(w: Awaited<ReturnType<typeof pagesApp>>["w"], period: string) {
  const r = await adminStats(w.deps, { actor: admin, period });
  if (!r.ok) throw new Error(r.code);
  return r.value;
}

/** The JSON charts.js reads. */
function funnelData(body: string) {
  const m = /<script type="application\/json" id="funnel-data">([\s\S]*?)<\/script>/.exec(body);
  if (!m) throw new Error("no #funnel-data");
  return JSON.parse(m[1] ?? "") as {
    labels: string[];
    weeks: string[];
    series: { key: string; label: string; data: number[] }[];
    axis: { x: string; y: string };
  };
}

describe("the Overview page", () => {
  it("shows the last 12 weeks by default: the funnel cards with their explanations beside them", async () => {
    const { get, w } = await pagesApp();
    const { res, body } = await get("");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const s = await stats(w, "12w");
    const cards = element(body, "dl", "funnel-figures");
    // Since 31 August 08:00 every seeded request and intro counts: r0–r8, i0–i8; i0–i5 accepted.
    expect(text(cards)).toContain(`Requests 9 ${FIGURES.requests.help}`);
    expect(text(cards)).toContain(`Intros 9 ${FIGURES.intros.help}`);
    expect(text(cards)).toContain(`Accepted 6 ${FIGURES.accepted.help}`);
    for (const k of FUNNEL_STEPS) {
      expect(cards).toContain(`data-figure="${k}"`);
      expect(text(cards)).toContain(`${FIGURES[k].label} ${s.funnel[k]} ${FIGURES[k].help}`);
    }
    expect(body).toContain('<option value="12w" selected>Last 12 weeks</option>');
  });

  it("has a period switch that works without JavaScript, and keeps the period in the CSV link", async () => {
    const { get } = await pagesApp();
    const { body } = await get("?period=30d");
    const form = element(body, "form", "period");
    expect(form).toContain('method="get"');
    expect(form).toContain('<label for="period-select">Period</label>');
    expect(form).toContain('<select name="period" id="period-select">');
    expect(text(form)).toContain("Last 30 days Last 12 weeks Last 6 months Last year All time Show");
    expect(form).toContain('<option value="30d" selected>');
    expect(body).toContain(`href="/dashboard/${encodeURIComponent("test:stats")}/csv/funnel.csv?period=30d"`);
    // r1–r8 in the last 30 days.
    expect(text(element(body, "dl", "funnel-figures"))).toContain("Requests 8 ");
  });

  it("draws the weekly funnel from JSON and gives the same numbers in a table with totals", async () => {
    const { get, w } = await pagesApp();
    const { body } = await get("?period=all");
    const s = await stats(w, "all");
    expect(s.weeks.length).toBeGreaterThan(1);
    const data = funnelData(body);
    expect(data.series.map((x) => x.key)).toEqual([...FUNNEL_STEPS]);
    expect(data.series.map((x) => x.label)).toEqual(FUNNEL_STEPS.map((k) => FIGURES[k].label));
    expect(data.labels).toHaveLength(s.weeks.length);
    expect(data.axis).toEqual({ x: "Week starting", y: "How many" });
    for (const [i, k] of FUNNEL_STEPS.entries()) expect(data.series[i]?.data).toEqual(s.weeks.map((wk) => wk.counts[k]));

    const table = element(body, "table", "funnel-table");
    expect(rows(table, "thead")).toEqual([["Week starting", ...FUNNEL_STEPS.map((k) => FIGURES[k].label)]]);
    const bodyRows = rows(table, "tbody");
    expect(bodyRows).toHaveLength(s.weeks.length);
    for (const [i, r] of bodyRows.entries()) {
      expect(r[0]).toBe(data.labels[i]);
      expect(r.slice(1)).toEqual(FUNNEL_STEPS.map((k) => String(s.weeks[i]?.counts[k])));
    }
    const totals = FUNNEL_STEPS.map((k) => String(s.weeks.reduce((n, wk) => n + wk.counts[k], 0)));
    expect(rows(table, "tfoot")).toEqual([["Total", ...totals]]);
    // All of r0–r8 fall in some week.
    expect(totals[0]).toBe("9");

    const canvas = /<canvas id="funnel-chart" role="img" aria-label="([^"]+)">/.exec(body);
    expect(canvas?.[1]).toContain("Bar chart of the funnel, all time");
    expect(canvas?.[1]).toContain(`${s.funnel.requests} requests, ${s.funnel.intros} intros, ${s.funnel.accepted} accepted`);
    // The chart library, then the script that draws, both deferred from the assets path.
    expect(body).toMatch(
      /<script src="\/dashboard\/assets\/chart\.umd\.min\.js" defer><\/script>\s*<script src="\/dashboard\/assets\/charts\.js" defer><\/script>/,
    );
    expect(body).not.toMatch(/<script>(?!<\/script>)/);
  });

  it("shows the waits with median, p90 and how many were measured, the queue now and the load spread", async () => {
    const { get, w } = await pagesApp();
    const { body } = await get("");
    const s = await stats(w, "12w");
    const waits = rows(element(body, "table", "waits-table"), "tbody");
    expect(waits.map((r) => r[0])).toEqual(["Time to first intro", "Time to a booked chat"]);
    expect(waits[0]?.[3]).toBe(String(s.timeToFirstIntro.count));
    expect(waits[1]?.[3]).toBe(String(s.timeToBooked.count));
    if (s.timeToBooked.count === 0) expect(waits[1]?.slice(1, 3)).toEqual(["—", "—"]);
    expect(text(body)).toContain(FIGURES.timeToFirstIntro.help);
    expect(text(body)).toContain(FIGURES.timeToBooked.help);

    const now = text(element(body, "dl", "now-figures"));
    // r6, r7, r8 wait now: s5, s2, s4.
    expect(now).toContain(`Waiting now 3 seekers (3 requests), median wait 2 days ${FIGURES.waiting.help}`);
    expect(now).toContain(`Longest wait 6 days ${FIGURES.longestWait.help}`);
    expect(now).toContain(`Load spread ${s.volunteerLoad.spread} across ${s.volunteerLoad.volunteers} volunteers`);
    expect(now).toContain(FIGURES.loadSpread.help);
  });

  it("names the accepted forms for a period it cannot read, and shows 12 weeks", async () => {
    const { get } = await pagesApp();
    const { res, body } = await get("?period=fortnight");
    expect(res.status).toBe(400);
    expect(text(body)).toContain('"fortnight" isn\'t a period I can show. Pick one from the list, or write 30d, 12w, 6m, 1y or all');
    expect(body).toContain('role="status"');
    expect(text(element(body, "dl", "funnel-figures"))).toContain("Requests 9 ");
  });

  it("gives every table a caption and every header cell a scope", async () => {
    const { get } = await pagesApp();
    for (const p of ["", "?period=30d", "?period=all"]) expect(tableProblems((await get(p)).body)).toEqual([]);
  });
});
