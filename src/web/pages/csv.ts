import type { Context, Hono } from "hono";
import { html } from "hono/html";
import type { CsvFile } from "../../core/admin/csv.js";
import { chatsCsv, funnelCsv, noShowsCsv, queueCsv, volunteersCsv } from "../../core/admin/dashboard-csv.js";
import type { Result } from "../../core/result.js";
import { adminQueue, adminStats, dashboardChats, dashboardVolunteers } from "../../core/use-cases/index.js";
import { PAGE_WORDS } from "../../text/dashboard-pages.js";
import type { DashboardEnv, WebContext } from "../context.js";
import { plainPage } from "../layout.js";
import { askedPeriod, notAdmin } from "./parts.js";

/** The downloads, by file name: each runs its use case for the signed-in admin and builds the CSV. */
export const CSV_TABLES = ["funnel.csv", "queue.csv", "volunteers.csv", "chats.csv", "no-shows.csv"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
const isTable = (t: string): t is CsvTable => (CSV_TABLES as readonly string[]).includes(t);

type Built = Result<CsvFile, "NOT_ADMIN" | "BAD_PERIOD">;
const mapped = <T>(r: Result<T, "NOT_ADMIN" | "BAD_PERIOD">, build: (v: T) => CsvFile): Built =>
  r.ok ? { ok: true, value: build(r.value) } : r;

async function build(ctx: WebContext, c: Context<DashboardEnv>, table: CsvTable): Promise<Built> {
  const actor = c.get("viewer").actor;
  const period = askedPeriod(c);
  switch (table) {
    case "funnel.csv":
      return mapped(await adminStats(ctx.deps, { actor, period }), funnelCsv);
    case "queue.csv":
      return mapped(await adminQueue(ctx.deps, { actor }), queueCsv);
    case "volunteers.csv":
      return mapped(await dashboardVolunteers(ctx.deps, { actor, period }), volunteersCsv);
    case "chats.csv":
      return mapped(await dashboardChats(ctx.deps, { actor, period, includeNotes: c.req.query("notes") === "1" }), chatsCsv);
    case "no-shows.csv":
      return mapped(await dashboardChats(ctx.deps, { actor, period, includeNotes: false }), noShowsCsv);
  }
}

/** "Coffee Club Berlin" → "coffee-club-berlin": a file name part with nothing a browser or shell would trip on. */
export function communitySlug(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "community";
}

/** The download's name: `<community-slug>-<table>-<YYYY-MM-DD>.csv`, dated by the bot's clock (UTC). */
export const csvFileName = (communityName: string, table: CsvTable, now: Date): string =>
  `${communitySlug(communityName)}-${table.replace(/\.csv$/, "")}-${now.toISOString().slice(0, 10)}.csv`;

/** `GET /dashboard/:cid/csv/:table` (?period=, and ?notes=1 for chats.csv): one table as a CSV download. */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/csv/:table", async (c) => {
    const table = c.req.param("table");
    if (!isTable(table))
      return c.html(plainPage({ title: PAGE_WORDS.notFoundTitle, body: html`<p>${PAGE_WORDS.notFound(table)}</p>` }), 404);
    const r = await build(ctx, c, table);
    if (!r.ok) {
      if (r.code === "NOT_ADMIN") return notAdmin(c);
      return c.html(
        plainPage({ title: PAGE_WORDS.badPeriodTitle, body: html`<p>${PAGE_WORDS.badPeriod(askedPeriod(c), false)}</p>` }),
        400,
      );
    }
    const name = csvFileName(c.get("viewer").communityName, table, ctx.deps.clock.now());
    return c.body(r.value.text, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    });
  });
}
