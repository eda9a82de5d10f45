import type { Hono } from "hono";
import { html } from "hono/html";
import type { PersonRef, Slot } from "../../core/domain/index.js";
import type { ChatRow, ChatsReport, NoShowRow } from "../../core/stats/index.js";
import { formatSlot } from "../../core/time/index.js";
import { dashboardChats } from "../../core/use-cases/index.js";
import { CHAT_WORDS, chatStatusWords, DEFAULT_DASHBOARD_PERIOD, PAGE_WORDS } from "../../text/dashboard-pages.js";
import { FIGURES } from "../../text/figures.js";
import type { DashboardEnv, WebContext } from "../context.js";
import { page } from "../layout.js";
import { askedPeriod, csvLink, emptyRow, figure, type Html, notAdmin, periodForm, tableWrap, viewerZone } from "./parts.js";

const when = (slot: Slot | null, zone: string): string => (slot ? formatSlot(slot, zone) : CHAT_WORDS.noTime);
const td = (x: string): Html => html`<td>${x}</td>`;

function feedback(r: ChatsReport): Html {
  const f = r.feedback;
  return html`<section aria-labelledby="feedback-heading">
    <h2 id="feedback-heading">${CHAT_WORDS.feedbackHeading}</h2>
    <dl class="figures" id="feedback-figures">
      ${figure("feedback", CHAT_WORDS.ratingValue(f), CHAT_WORDS.overall)}
      ${figure("feedback", CHAT_WORDS.ratingValue(f.fromSeekers), CHAT_WORDS.fromSeekers)}
      ${figure("feedback", CHAT_WORDS.ratingValue(f.fromVolunteers), CHAT_WORDS.fromVolunteers)}
    </dl>
  </section>`;
}

function noShowsTable(rows: readonly NoShowRow[], zone: string, query: Record<string, string>, cid: string): Html {
  const N = CHAT_WORDS.noShowColumns;
  const heads = [N.when, N.seeker, N.volunteer, N.reportedBy, N.status];
  return html`<section aria-labelledby="no-shows-heading">
    <h2 id="no-shows-heading">${FIGURES.noShow.label}</h2>
    <p><span class="help">${FIGURES.noShow.help}</span> ${csvLink(cid, "no-shows.csv", { period: query.period ?? "" }, CHAT_WORDS.noShowsCsv)}</p>
    ${tableWrap(
      "no-shows-table",
      CHAT_WORDS.noShowsCaption(zone),
      html`<thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>
          ${
            rows.length === 0
              ? emptyRow(heads.length, CHAT_WORDS.noNoShows)
              : rows.map(
                  (n) => html`<tr data-chat="${n.chatId}">
                    <th scope="row">${when(n.slot, zone)}</th>
                    ${td(n.seeker.name)} ${td(n.volunteer.name)} ${td(n.reportedBy.map((p) => p.name).join(", "))}
                    ${td(chatStatusWords(n.status))}
                  </tr>`,
                )
          }
        </tbody>`,
    )}
  </section>`;
}

/** What `person` answered to "did it happen?". */
function answer(row: ChatRow, person: PersonRef): string {
  const r = row.reports.find((x) => x.by.id === person.id);
  return r === undefined ? CHAT_WORDS.noAnswer : r.outcome === "happened" ? CHAT_WORDS.happenedAnswer : CHAT_WORDS.noShowAnswer;
}

const rating = (x: number | null): string => (x === null ? PAGE_WORDS.none : `${x} / 5`);

function chatsTable(r: ChatsReport, zone: string): Html {
  const C = CHAT_WORDS.chatColumns;
  const heads: string[] = [C.when, C.pair, C.status, C.seekerAnswer, C.volunteerAnswer, C.seekerRating, C.volunteerRating, C.thanked];
  if (r.includeNotes) heads.push(C.seekerNote, C.volunteerNote);
  const row = (ch: ChatRow): Html => html`<tr data-chat="${ch.chatId}" data-status="${ch.status}">
    <th scope="row">${when(ch.slot, zone)}</th>
    ${td(CHAT_WORDS.pair(ch.seeker.name, ch.volunteer.name))} ${td(chatStatusWords(ch.status))}
    ${td(answer(ch, ch.seeker))} ${td(answer(ch, ch.volunteer))}
    ${td(rating(ch.ratings.bySeeker))} ${td(rating(ch.ratings.byVolunteer))}
    ${td(ch.thanked ? PAGE_WORDS.yes : PAGE_WORDS.no)}
    ${r.includeNotes ? html`${td(ch.notes?.bySeeker || PAGE_WORDS.none)} ${td(ch.notes?.byVolunteer || PAGE_WORDS.none)}` : ""}
  </tr>`;
  return tableWrap(
    "chats-table",
    CHAT_WORDS.chatsCaption(zone),
    html`<thead><tr>${heads.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
      <tbody>${r.rows.length === 0 ? emptyRow(heads.length, CHAT_WORDS.noChats) : r.rows.map(row)}</tbody>`,
  );
}

/** The notes toggle: a GET form, so it works without JavaScript; notes show only while it is ticked. */
function notesForm(period: string, on: boolean): Html {
  return html`<form id="notes-form" method="get" class="toggle">
    <input type="hidden" name="period" value="${period}" />
    <input type="checkbox" name="notes" value="1" id="notes-toggle"${on ? html` checked` : ""} />
    <label for="notes-toggle">${CHAT_WORDS.notesToggle}</label>
    <button type="submit">${CHAT_WORDS.notesApply}</button>
  </form>`;
}

/** `GET /dashboard/:cid/chats?period=&notes=1`: recent chats, no-shows and feedback; notes only when asked for. */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/chats", async (c) => {
    const viewer = c.get("viewer");
    const asked = askedPeriod(c);
    const includeNotes = c.req.query("notes") === "1";
    let r = await dashboardChats(ctx.deps, { actor: viewer.actor, period: asked, includeNotes });
    let notice: string | undefined;
    if (!r.ok && r.code === "BAD_PERIOD") {
      notice = PAGE_WORDS.badPeriod(asked);
      r = await dashboardChats(ctx.deps, { actor: viewer.actor, period: DEFAULT_DASHBOARD_PERIOD, includeNotes });
    }
    if (!r.ok) return notAdmin(c);
    const v = r.value;
    const zone = viewerZone(viewer);
    const chatsQuery: Record<string, string> = includeNotes ? { period: v.period, notes: "1" } : { period: v.period };
    const body = html`${periodForm(v.period, includeNotes ? { notes: "1" } : {})}
      ${feedback(v)} ${noShowsTable(v.noShows, zone, { period: v.period }, viewer.communityId)}
      <section aria-labelledby="chats-heading">
        <h2 id="chats-heading">${CHAT_WORDS.title}</h2>
        ${notesForm(v.period, includeNotes)}
        ${includeNotes ? "" : html`<p class="help" id="notes-hidden">${CHAT_WORDS.notesHidden}</p>`}
        <p>${csvLink(viewer.communityId, "chats.csv", chatsQuery, CHAT_WORDS.chatsCsv)}</p>
        ${chatsTable(v, zone)}
      </section>`;
    return c.html(page({ viewer, title: CHAT_WORDS.title, current: "chats", body, ...(notice ? { notice } : {}) }), notice ? 400 : 200);
  });
}
