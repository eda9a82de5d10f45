import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_LINK_MINUTES } from "../../src/core/domain/index.js";
import { openContext, shot, useBrowser } from "./browser.js";
import type { BrowserGlobals } from "./dom.js";
import { type DashboardServer, signedIn, signIn, startDashboard } from "./dashboard-harness.js";
import { A, B, EXPECTED, NOW, type Programme, seedProgramme } from "./program-seed.js";

const MIN = 60_000;

/** True when the page cannot be scrolled sideways as a whole (a wide table may scroll inside its own box). */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as BrowserGlobals).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
/** The text of the element that has the keyboard focus, and whether it sits in the navigation. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as BrowserGlobals).document.activeElement;
    return { text: el?.textContent?.trim() ?? "", inNav: Boolean(el?.closest("nav")) };
  });

describe("dashboard access in a browser: one-time links, one community per session, keyboard, no JavaScript, a phone", () => {
  const browser = useBrowser();
  let p: Programme;
  let server: DashboardServer;

  beforeAll(async () => {
    p = await seedProgramme();
    server = await startDashboard(p);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await p?.close();
  });

  it("refuses a link used once already, in another browser", async () => {
    const link = await server.link(A);
    const first = await openContext(browser());
    await signIn(await first.newPage(), link);
    const second = await openContext(browser());
    const page = await second.newPage();
    await page.goto(link);
    const button = page.locator("main form button[type=submit]");
    if ((await button.count()) > 0) await Promise.all([page.waitForLoadState(), button.click()]);
    await shot(page, "link-used");
    expect(await page.locator("#funnel-table").count()).toBe(0);
    expect(await page.locator("main").textContent()).toMatch(/already (been )?used/i);
    await first.close();
    await second.close();
  });

  it(`refuses a link older than ${DASHBOARD_LINK_MINUTES} minutes`, async () => {
    const link = await server.link(A);
    p.clock.advance((DASHBOARD_LINK_MINUTES + 1) * MIN);
    try {
      const context = await openContext(browser());
      const page = await context.newPage();
      await page.goto(link);
      const button = page.locator("main form button[type=submit]");
      if ((await button.count()) > 0) await Promise.all([page.waitForLoadState(), button.click()]);
      await shot(page, "link-expired");
      expect(await page.locator("#funnel-table").count()).toBe(0);
      expect(await page.locator("main").textContent()).toMatch(/expired/i);
      await context.close();
    } finally {
      p.clock.set(NOW);
    }
  });

  it("keeps A's session out of B's dashboard: B's pages refuse it and its downloads give nothing of B's", async () => {
    const { context, page } = await signedIn(() => openContext(browser()), server, A);
    const cookies = await context.cookies();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c.httpOnly).toBe(true);
      expect(c.path.startsWith(new URL(server.url(A.id)).pathname.replace(/\/$/, ""))).toBe(true);
    }

    const response = await page.goto(server.url(B.id));
    await shot(page, "other-community");
    expect(response?.status()).toBeGreaterThanOrEqual(400);
    expect(await page.locator("h1").textContent()).toBe("Please sign in");
    expect(await page.locator("table").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain(EXPECTED.otherCommunitySeeker);

    // Even sent by hand with every cookie A's browser holds, B's data stays closed.
    const cookieHeader = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    for (const sub of ["", "queue", "chats", "csv/chats.csv", "csv/queue.csv"]) {
      const r = await context.request.get(server.url(B.id, sub), { headers: { cookie: cookieHeader }, maxRedirects: 0 });
      expect(r.status(), sub).toBeGreaterThanOrEqual(300);
      expect(await r.text(), sub).not.toContain(EXPECTED.otherCommunitySeeker);
    }
    await context.close();
  });

  it("reaches the skip link first and then the navigation with the keyboard", async () => {
    const { context, page } = await signedIn(() => openContext(browser()), server, A);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ text: "Skip to content", inNav: false });
    const reached: { text: string; inNav: boolean }[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      reached.push(await focused(page));
    }
    expect(reached).toEqual(["Overview", "Queue", "Volunteers", "Chats", "Rounds", "Settings"].map((text) => ({ text, inNav: true })));
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/rounds/);
    expect(await page.locator("h1").textContent()).toBe("Peer rounds");
    await shot(page, "keyboard");
    await context.close();
  });

  it("works with JavaScript off: sign-in, and every table is there without the chart", async () => {
    const { context, page } = await signedIn(() => openContext(browser(), { javaScriptEnabled: false }), server, A);
    await shot(page, "nojs-overview");
    expect(await page.locator("#funnel-table tbody tr").count()).toBeGreaterThan(5);
    expect(await page.locator("#funnel-table tfoot td").first().textContent()).toBe("7");
    for (const [sub, table] of [
      ["queue", "#queue-table"],
      ["volunteers", "#volunteers-table"],
      ["chats", "#chats-table"],
    ] as const) {
      await page.goto(server.url(A.id, sub));
      expect(await page.locator(`${table} tbody tr`).count(), sub).toBeGreaterThan(0);
      await shot(page, `nojs-${sub}`);
    }
    await context.close();
  });

  it("fits a phone (390×844): no page scrolls sideways, only tables inside their own box", async () => {
    const { context, page } = await signedIn(
      () => openContext(browser(), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }),
      server,
      A,
    );
    for (const sub of ["", "queue", "volunteers", "chats", "settings"]) {
      if (sub !== "") await page.goto(server.url(A.id, sub));
      await shot(page, `phone-${sub || "overview"}`);
      expect(await noSidewaysScroll(page), sub || "overview").toBe(true);
    }
    await context.close();
  });
});
