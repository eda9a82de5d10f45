import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNNEL_STEPS, type FunnelStep } from "../../src/core/stats/index.js";
import { openContext, shot, useBrowser } from "./browser.js";
import type { BrowserGlobals } from "./dom.js";
import { type DashboardServer, startDashboard, tableText } from "./dashboard-harness.js";
import { A, EXPECTED, EXPECTED_WEEKS, type ExpectedWeek, type Programme, seedProgramme } from "./program-seed.js";

/** What the oracle says each step counts in `week` (YYYY-MM-DD), over a period starting at `from` (a week's Monday). */
function expectedIn(week: string, step: FunnelStep, from = ""): number {
  if (week < from) return 0;
  const w: ExpectedWeek | undefined = EXPECTED_WEEKS.find((x) => x.week === week);
  return w ? w[step] : 0;
}

/** The chart as Chart.js holds it, and the weeks it is drawn for (from #funnel-data). */
async function chartOf(page: Page): Promise<{ weeks: string[]; labels: string[]; series: Record<string, number[]> }> {
  await page.waitForFunction(() => {
    const g = globalThis as unknown as BrowserGlobals;
    return g.Chart?.getChart(g.document.getElementById("funnel-chart")) !== undefined;
  });
  return page.evaluate(() => {
    const g = globalThis as unknown as BrowserGlobals;
    const chart = g.Chart?.getChart(g.document.getElementById("funnel-chart"));
    const source = JSON.parse(g.document.getElementById("funnel-data")?.textContent ?? "{}") as {
      weeks: string[];
      series: { key: string; label: string }[];
    };
    const series: Record<string, number[]> = {};
    for (const d of chart?.data.datasets ?? []) {
      const key = source.series.find((s) => s.label === d.label)?.key ?? d.label;
      series[key] = d.data.map(Number);
    }
    return { weeks: source.weeks, labels: (chart?.data.labels ?? []).map(String), series };
  });
}

/** The funnel table's rows by week (the <time datetime> of each row), each step's number by column. */
async function funnelTable(page: Page): Promise<Map<string, number[]>> {
  const rows = await page.evaluate(() =>
    Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll("#funnel-table tbody tr")).map((tr) => ({
      week: tr.querySelector("time")?.getAttribute("datetime") ?? "",
      cells: Array.from(tr.querySelectorAll("td")).map((td) => Number(td.textContent?.trim())),
    })),
  );
  return new Map(rows.map((r) => [r.week, r.cells]));
}

/** The numbers in the funnel table's Total row. */
const funnelTotals = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    Array.from((globalThis as unknown as BrowserGlobals).document.querySelectorAll("#funnel-table tfoot td")).map((td) =>
      Number(td.textContent?.trim()),
    ),
  );

describe("dashboard pages in a browser: the overview, volunteers and chats of the seeded programme", () => {
  const browser = useBrowser();
  let p: Programme;
  let server: DashboardServer;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    p = await seedProgramme();
    server = await startDashboard(p);
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await p?.close();
  });

  it("signs in with a link: the confirm page, then the overview of Northwind Design Circle", async () => {
    context = await openContext(browser());
    page = await context.newPage();
    await page.goto(await server.link(A));
    await shot(page, "signin-confirm");
    expect(await page.locator("main form button[type=submit]").count()).toBe(1);
    await Promise.all([
      page.waitForURL((u) => u.pathname === new URL(server.url(A.id)).pathname),
      page.locator("main form button[type=submit]").click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("Overview");
    expect(await page.locator("header .brand").textContent()).toContain(A.name);
    expect(await page.locator("header").textContent()).toContain(`Signed in as ${A.admin}`);
  });

  it("draws the weekly funnel with the oracle's numbers, and the table says the same (12 weeks by default)", async () => {
    const chart = await chartOf(page);
    await shot(page, "overview-12w");
    expect(Object.keys(chart.series)).toEqual([...FUNNEL_STEPS]);
    expect(chart.labels).toHaveLength(chart.weeks.length);
    for (const w of EXPECTED_WEEKS) expect(chart.weeks).toContain(w.week);
    for (const step of FUNNEL_STEPS) expect(chart.series[step], step).toEqual(chart.weeks.map((w) => expectedIn(w, step)));
    const i = chart.weeks.indexOf("2026-10-12");
    expect(chart.labels[i]).toBe("12 Oct 2026");

    const table = await funnelTable(page);
    expect([...table.keys()]).toEqual(chart.weeks);
    for (const w of chart.weeks) expect(table.get(w), w).toEqual(FUNNEL_STEPS.map((s) => expectedIn(w, s)));
    expect(await funnelTotals(page)).toEqual([7, 7, 5, 5, 4, 3]);
    expect(await page.locator('#funnel-figures [data-figure="requests"] .value').textContent()).toBe("7");
  });

  it("switches to the last 30 days with the period form: weeks 1 and 2 drop out", async () => {
    await page.selectOption("#period-select", "30d");
    await Promise.all([page.waitForURL(/period=30d/), page.locator("#period button[type=submit]").click()]);
    const chart = await chartOf(page);
    await shot(page, "overview-30d");
    expect(chart.weeks).not.toContain("2026-10-12");
    for (const step of FUNNEL_STEPS) expect(chart.series[step], step).toEqual(chart.weeks.map((w) => expectedIn(w, step, "2026-10-26")));
    expect(await funnelTotals(page)).toEqual([3, 2, 2, 2, 3, 2]);
    expect(await page.locator("#period-select").inputValue()).toBe("30d");
  });

  it("lists the volunteers with their answers to intros, and the topic nobody covers", async () => {
    await page.locator('nav a:text-is("Volunteers")').click();
    await page.waitForURL(/\/volunteers/);
    await shot(page, "volunteers");
    const rows = await tableText(page, "#volunteers-table");
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const row = (name: string) => rows.find((r) => r[0]?.includes(name)) ?? [];
    expect(row("vera")[col("Declined")]).toBe("1");
    expect(row("omar")[col("Expired")]).toBe("1");
    expect(row("omar")[col("Accepted")]).toBe("3");
    const recruiting = await tableText(page, "#recruiting-table");
    expect(recruiting.some((r) => r[0]?.includes(EXPECTED.waitlistedTopic))).toBe(true);
    expect(await page.content()).not.toContain(EXPECTED.otherCommunitySeeker);
  });

  it("shows the peer rounds page: nobody in yet, no round run, and the button to run one", async () => {
    await page.locator('nav a:text-is("Rounds")').click();
    await page.waitForURL(/\/rounds/);
    await shot(page, "rounds");
    expect(await page.locator("h1").textContent()).toBe("Peer rounds");
    expect(await page.locator('[data-figure="roundsIn"] .value').textContent()).toBe("0: nobody");
    expect(await page.locator("#rounds-none").textContent()).toBe("No round has run yet.");
    expect(await page.locator("#run-round").textContent()).toBe("Run a round now");
  });

  it("shows the chats, the no-show with who reported it, and the notes only after the toggle", async () => {
    await page.locator('nav a:text-is("Chats")').click();
    await page.waitForURL(/\/chats/);
    await shot(page, "chats");
    const noShows = await tableText(page, "#no-shows-table");
    expect(noShows[0]).toEqual(["When", "Seeker", "Volunteer", "Reported by", "Status"]);
    expect(noShows.slice(1).map((r) => r.slice(1))).toEqual([["tia", "omar", "tia", "Didn't happen"]]);
    const chats = await tableText(page, "#chats-table");
    expect(chats.some((r) => r.includes("sam with vera") && r.includes("Happened"))).toBe(true);
    expect(await page.locator("#chats-table").textContent()).not.toContain(EXPECTED.note);
    expect(await page.locator("#notes-hidden").isVisible()).toBe(true);

    await page.locator("#notes-toggle").check();
    await Promise.all([page.waitForURL(/notes=1/), page.locator("#notes-form button[type=submit]").click()]);
    await shot(page, "chats-notes");
    expect(await page.locator("#chats-table").textContent()).toContain(EXPECTED.note);
  });

  it("downloads the chats as CSV, names beside ids", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("a.csv", { hasText: "chats" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^northwind-design-circle-chats-2026-11-23\.csv$/);
    const path = await download.path();
    const [header = "", ...rows] = readFileSync(path, "utf8").trim().split(/\r?\n/);
    const cols = header.split(",");
    expect(cols).toEqual(expect.arrayContaining(["seeker_id", "seeker_name", "volunteer_id", "volunteer_name"]));
    const tia = rows.map((r) => r.split(",")).find((r) => r[cols.indexOf("seeker_name")] === "tia");
    expect(tia?.[cols.indexOf("seeker_id")]).toBe(p.memberId(A, "tia"));
    expect(tia?.[cols.indexOf("volunteer_name")]).toBe("omar");
  });
});
