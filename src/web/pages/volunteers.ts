import type { Hono } from "hono";
import { html } from "hono/html";
import type { TagShortfall, VolunteerRow, VolunteersReport } from "../../core/stats/index.js";
import { dashboardVolunteers } from "../../core/use-cases/index.js";
import { DEFAULT_DASHBOARD_PERIOD, hoursWords, PAGE_WORDS, percent, VOLUNTEER_WORDS, volunteerState } from "../../text/dashboard-pages.js";
import { FIGURES } from "../../text/figures.js";
import type { DashboardEnv, WebContext } from "../context.js";
import { page } from "../layout.js";
import { askedPeriod, csvLink, emptyRow, type Html, notAdmin, numCell, periodForm, tableWrap, viewerZone } from "./parts.js";

const W = VOLUNTEER_WORDS.columns;

/** Load as text beside a bar; the bar is decoration (the text says it), so screen readers skip it. */
const loadCell = (load: number): Html =>
  html`<td class="load" data-load="${String(load)}"><span class="load-text">${percent(load)}</span> <meter min="0" max="1" low="0.75" high="0.999" optimum="0.5" value="${String(Math.min(load, 1))}" aria-hidden="true"></meter></td>`;

function volunteerRow(v: VolunteerRow, zone: string): Html {
  return html`<tr data-volunteer="${v.volunteer.id}" data-state="${v.state}">
    <th scope="row">${v.volunteer.name}</th>
    <td>${v.expertise.length ? v.expertise.join(", ") : VOLUNTEER_WORDS.noTopics}</td>
    <td>${VOLUNTEER_WORDS.chatsOf(v.chatsThisMonth, v.capacityPerMonth)}</td>
    ${loadCell(v.load)} ${numCell(v.intros.offered)} ${numCell(v.intros.accepted)} ${numCell(v.intros.declined)} ${numCell(v.intros.expired)}
    <td>${hoursWords(v.medianHoursToAnswer)}</td>
    <td>${volunteerState(v, zone)}</td>
  </tr>`;
}

function volunteersTable(r: VolunteersReport, zone: string): Html {
  const heads = [W.name, W.topics, W.chats, W.load, W.offered, W.accepted, W.declined, W.expired, W.answer, W.state];
  return html`${tableWrap(
    "volunteers-table",
    VOLUNTEER_WORDS.caption,
    html`<thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${r.rows.length === 0 ? emptyRow(heads.length, VOLUNTEER_WORDS.noVolunteers) : r.rows.map((v) => volunteerRow(v, zone))}</tbody>`,
  )}
  <ul class="help">
    <li><strong>${FIGURES.load.label}:</strong> ${FIGURES.load.help}</li>
    <li><strong>${FIGURES.responsiveness.label}:</strong> ${VOLUNTEER_WORDS.responsivenessNote(r.period)}</li>
  </ul>`;
}

function recruitingTable(rows: readonly TagShortfall[]): Html {
  const R = VOLUNTEER_WORDS.recruitingColumns;
  const heads = [R.topic, R.requested, R.waiting, R.volunteers, R.capacity];
  return html`<section aria-labelledby="recruiting-heading">
    <h2 id="recruiting-heading">${FIGURES.recruiting.label}</h2>
    <p class="help" data-figure="recruiting">${FIGURES.recruiting.help}</p>
    ${tableWrap(
      "recruiting-table",
      VOLUNTEER_WORDS.recruitingCaption,
      html`<thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${
            rows.length === 0
              ? emptyRow(heads.length, VOLUNTEER_WORDS.noShortfall)
              : rows.map(
                  (t) => html`<tr><th scope="row">${t.tag}</th>${[t.requested, t.waiting, t.volunteers, t.capacity].map(numCell)}</tr>`,
                )
          }
        </tbody>`,
    )}
  </section>`;
}

/** `GET /dashboard/:cid/volunteers?period=`: load, responsiveness and state of every volunteer, and the recruiting list. */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/volunteers", async (c) => {
    const viewer = c.get("viewer");
    const asked = askedPeriod(c);
    let r = await dashboardVolunteers(ctx.deps, { actor: viewer.actor, period: asked });
    let notice: string | undefined;
    if (!r.ok && r.code === "BAD_PERIOD") {
      notice = PAGE_WORDS.badPeriod(asked);
      r = await dashboardVolunteers(ctx.deps, { actor: viewer.actor, period: DEFAULT_DASHBOARD_PERIOD });
    }
    if (!r.ok) return notAdmin(c);
    const v = r.value;
    const zone = viewerZone(viewer);
    const body = html`${periodForm(v.period)}
      <p>${csvLink(viewer.communityId, "volunteers.csv", { period: v.period })}</p>
      ${volunteersTable(v, zone)} ${recruitingTable(v.recruiting)}`;
    return c.html(
      page({ viewer, title: VOLUNTEER_WORDS.title, current: "volunteers", body, ...(notice ? { notice } : {}) }),
      notice ? 400 : 200,
    );
  });
}
