import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { DASHBOARD_PERIODS, DEFAULT_DASHBOARD_PERIOD, PAGE_WORDS } from "../../text/dashboard-pages.js";
import { FIGURES, type FigureKey } from "../../text/figures.js";
import { dashboardPath, type DashboardEnv, type Viewer } from "../context.js";
import { plainPage } from "../layout.js";

/** What hono/html templates produce. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The period a page was asked for (`?period=`), or the dashboard's default. */
export function askedPeriod(c: Context<DashboardEnv>): string {
  const p = c.req.query("period");
  return p === undefined || p.trim() === "" ? DEFAULT_DASHBOARD_PERIOD : p.trim();
}

/**
 * The period switch: a plain GET form, so it works without JavaScript. A period typed into
 * the address bar that the list lacks (say 2w) is shown as the chosen one. `hidden` carries
 * other query values (the notes toggle) through a change of period.
 */
export function periodForm(period: string, hidden: Record<string, string> = {}): Html {
  const listed = DASHBOARD_PERIODS.some((p) => p.value === period);
  const options = listed ? DASHBOARD_PERIODS : [...DASHBOARD_PERIODS, { value: period, label: `Last ${period}` }];
  return html`<form id="period" method="get" class="period">
    <label for="period-select">${PAGE_WORDS.periodLabel}</label>
    <select name="period" id="period-select">
      ${options.map((o) => html`<option value="${o.value}"${o.value === period ? html` selected` : ""}>${o.label}</option>`)}
    </select>
    ${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <button type="submit">${PAGE_WORDS.show}</button>
  </form>`;
}

/**
 * One figure: its name, its value and its one-line explanation beside it (inside a
 * `<dl class="figures">`). A value may be markup of its own (a link to the setting to set).
 */
export function figure(key: FigureKey, value: string | number | Html, label: string = FIGURES[key].label): Html {
  return html`<div class="figure" data-figure="${key}">
    <dt>${label}</dt>
    <dd class="value">${typeof value === "number" ? String(value) : value}</dd>
    <dd class="help">${FIGURES[key].help}</dd>
  </div>`;
}

/** A link to one CSV download of this community, keeping the query that shaped the page. */
export function csvLink(communityId: string, file: string, query: Record<string, string>, label: string = PAGE_WORDS.downloadCsv): Html {
  const qs = new URLSearchParams(query).toString();
  return html`<a class="csv" href="${dashboardPath(communityId, `csv/${file}`)}${qs ? `?${qs}` : ""}" download>${label}</a>`;
}

/** A table body row saying there is nothing to list, across every column. */
export const emptyRow = (columns: number, words: string): Html => html`<tr><td colspan="${String(columns)}">${words}</td></tr>`;

/** The admin lost their rights between the session check and the use case: say so, 403. */
export function notAdmin(c: Context<DashboardEnv>): Response | Promise<Response> {
  return c.html(plainPage({ title: PAGE_WORDS.notAdminTitle, body: html`<p>${PAGE_WORDS.notAdmin}</p>` }), 403);
}

/** JSON for a `<script type="application/json">`: no `<` survives, so the data can never close the script. */
export const scriptJson = (data: unknown): string => JSON.stringify(data).replace(/</g, "\\u003c");

/** The zone the viewer reads times in: their own when known, else the community's default (one rule for every page). */
export const viewerZone = (v: Viewer): string => v.zone;

/**
 * A table in its scrolling wrapper: on a phone a wide table scrolls sideways inside the page,
 * and the wrapper is a named, focusable region so a keyboard can scroll it too.
 */
export const tableWrap = (tableId: string, caption: string, inner: Html): Html =>
  html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="${tableId}-caption">
    <table id="${tableId}">
      <caption id="${tableId}-caption">${caption}</caption>
      ${inner}
    </table>
  </div>`;

/** A numeric cell (right-aligned, tabular figures). */
export const numCell = (x: string | number): Html => html`<td class="num">${String(x)}</td>`;
