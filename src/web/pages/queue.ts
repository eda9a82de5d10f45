import type { Hono } from "hono";
import { html } from "hono/html";
import { adminMatch, adminQueue } from "../../core/use-cases/index.js";
import { waitedWords } from "../../text/blockers.js";
import { matchedNotice, PAUSED_NOTICE, QUEUE_WORDS, queueStatus, queueWhy } from "../../text/dashboard.js";
import { type DashboardEnv, dashboardPath, type WebContext } from "../context.js";
import { page } from "../layout.js";
import { viewerZone } from "./parts.js";
import { notAdmin } from "./refused.js";

/** The notice after "Match now", read back from the redirect's query (numbers only; the words are ours). */
function noticeOf(q: (k: string) => string | undefined): string | undefined {
  if (q("paused") === "1") return PAUSED_NOTICE;
  const sent = q("sent");
  const waiting = q("waiting");
  if (sent && waiting && /^\d{1,6}$/.test(sent) && /^\d{1,6}$/.test(waiting)) return matchedNotice(Number(sent), Number(waiting));
  return undefined;
}

/**
 * GET /dashboard/:cid/queue — every waiting request, longest first, how long and why;
 * POST /dashboard/:cid/queue/match — runs the matching round now, then back with a notice.
 */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/queue", async (c) => {
    const viewer = c.get("viewer");
    const r = await adminQueue(ctx.deps, { actor: viewer.actor });
    if (!r.ok) return notAdmin(c);
    const zone = viewerZone(viewer);
    const { items, now } = r.value;
    const body = html`<form method="post" action="${dashboardPath(viewer.communityId, "queue/match")}" class="actions">
        <button type="submit" id="match-now">${QUEUE_WORDS.matchButton}</button>
        <span class="hint">${QUEUE_WORDS.matchHelp}</span>
      </form>
      ${
        items.length === 0
          ? html`<p id="queue-empty">${QUEUE_WORDS.empty}</p>`
          : html`<div class="table-wrap" tabindex="0" role="region" aria-labelledby="queue-caption">
              <table id="queue-table">
                <caption id="queue-caption">${QUEUE_WORDS.caption} (${items.length})</caption>
                <thead>
                  <tr>${QUEUE_WORDS.columns.map((h) => html`<th scope="col">${h}</th>`)}</tr>
                </thead>
                <tbody>
                  ${items.map(
                    (i) => html`<tr data-request-id="${i.request.id}">
                      <td>${i.seeker.name}</td>
                      <td>${i.request.tags.join(", ")}</td>
                      <td>${queueStatus(i.request.status)}</td>
                      <td>${waitedWords(i.askedAt, now)}</td>
                      <td>${queueWhy(i, zone)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <p><a id="queue-csv" href="${dashboardPath(viewer.communityId, "csv/queue.csv")}">${QUEUE_WORDS.csv}</a></p>`;
    const notice = noticeOf((k) => c.req.query(k));
    return c.html(page({ viewer, title: QUEUE_WORDS.title, current: "queue", body, ...(notice ? { notice } : {}) }));
  });

  app.post("/dashboard/:cid/queue/match", async (c) => {
    const viewer = c.get("viewer");
    const r = await adminMatch(ctx.deps, { actor: viewer.actor });
    if (!r.ok) return notAdmin(c);
    const back = dashboardPath(viewer.communityId, "queue");
    if (r.value.programPaused) return c.redirect(`${back}?paused=1`, 303);
    // Still waiting: requests in the queue with no intro out, as the page will show them.
    const after = await adminQueue(ctx.deps, { actor: viewer.actor });
    const waiting = after.ok ? after.value.items.filter((i) => i.request.status !== "offered").length : 0;
    return c.redirect(`${back}?sent=${r.value.offered}&waiting=${waiting}`, 303);
  });
}
