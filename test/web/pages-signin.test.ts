import { describe, expect, it } from "vitest";
import { adminDashboard } from "../../src/core/use-cases/index.js";
import { createDashboard } from "../../src/web/app.js";
import type { WebContext } from "../../src/web/context.js";
import { dashboardLinks } from "../../src/web/links.js";
import { admin, C, element, rows, seededWorld, text } from "./pages-support.js";

const BASE = "http://localhost:3000";
const path = (sub: string): string => `${BASE}/dashboard/${encodeURIComponent(C)}/${sub}`;

/** The real dashboard app, an admin signed in through a one-time link: their session cookie. */
async function signedIn() {
  const w = await seededWorld();
  w.deps.dashboard = dashboardLinks(BASE);
  const ctx: WebContext = { deps: w.deps, base: BASE, secureCookies: false };
  const app = createDashboard(ctx);
  const link = await adminDashboard(w.deps, { actor: admin });
  if (!link.ok) throw new Error(link.code);
  const token = new URL(link.value.link).searchParams.get("token") ?? "";
  const res = await app.request(path("signin"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: BASE },
    body: new URLSearchParams({ token }).toString(),
  });
  expect(res.status).toBe(303);
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  expect(cookie).toMatch(/^percolate_session=./);
  const get = async (sub: string, withCookie = true) => {
    const r = await app.request(path(sub), withCookie ? { headers: { cookie } } : {});
    return { res: r, body: await r.text() };
  };
  return { get };
}

describe("the pages behind the real sign-in", () => {
  it("serve the Overview, Volunteers and Chats pages to the signed-in admin, under the dashboard's CSP", async () => {
    const { get } = await signedIn();
    const overview = await get("");
    expect(overview.res.status).toBe(200);
    expect(overview.res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(text(element(overview.body, "dl", "funnel-figures"))).toContain("Requests 9 ");
    expect(rows(element(overview.body, "table", "funnel-table"), "tfoot")[0]?.[1]).toBe("9");
    const volunteers = await get("volunteers");
    expect(rows(element(volunteers.body, "table", "volunteers-table"), "tbody")).toHaveLength(4);
    const chats = await get("chats?notes=1");
    expect(element(chats.body, "table", "chats-table")).toContain("Came prepared");
  });

  it("serve a CSV download to the signed-in admin only", async () => {
    const { get } = await signedIn();
    const csv = await get("csv/volunteers.csv?period=30d");
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers.get("content-disposition")).toMatch(/^attachment; filename="stats-volunteers-2026-11-23\.csv"$/);
    const anonymous = await get("csv/volunteers.csv", false);
    expect(anonymous.res.status).toBe(403);
    expect(anonymous.res.headers.get("content-disposition")).toBeNull();
  });

  it("serve the chart script from the assets, no sign-in needed", async () => {
    const w = await seededWorld();
    const app = createDashboard({ deps: w.deps, base: BASE, secureCookies: false });
    const res = await app.request(`${BASE}/dashboard/assets/charts.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await res.text()).toContain('document.getElementById("funnel-data")');
  });
});
