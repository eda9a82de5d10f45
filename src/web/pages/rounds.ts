import type { Hono } from "hono";
import { html } from "hono/html";
import { adminProgramPost, adminRounds, adminRunRound, type RoundsOverview } from "../../core/use-cases/index.js";
import { ROUNDS_WORDS as W } from "../../text/dashboard-rounds.js";
import { type DashboardEnv, dashboardPath, type WebContext } from "../context.js";
import { page } from "../layout.js";
import { emptyRow, figure, type Html, notAdmin, tableWrap, viewerZone } from "./parts.js";
import { postNoticeOf, programPostSection } from "./program-post.js";

const names = (xs: readonly string[]): string => (xs.length ? xs.join(", ") : W.nobody);

function body(r: RoundsOverview, communityId: string, zone: string): Html {
  const last = r.last;
  const rate = last?.meetRate;
  return html`<p id="rounds-next">${r.on ? W.next(r.nextRoundAt, r.everyWeeks, zone) : W.off}</p>
    <form method="post" action="${dashboardPath(communityId, "rounds/run")}" class="actions">
      <button type="submit" id="run-round">${W.runButton}</button>
      <span class="hint">${W.runHelp}</span>
    </form>
    <dl class="figures" id="rounds-figures">
      ${figure("roundsIn", `${r.members.length}: ${names(r.members)}`)}
      ${figure("roundsSkipping", `${r.skipping.length}: ${names(r.skipping)}`)}
      ${figure("meetRate", rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}% (${last?.met ?? 0} of ${last?.groups.length ?? 0})`)}
    </dl>
    ${
      last
        ? tableWrap(
            "rounds-table",
            W.lastCaption(last.round.at, zone),
            html`<thead><tr>${W.columns.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
              <tbody>${
                last.groups.length === 0
                  ? emptyRow(W.columns.length, W.nobody)
                  : last.groups.map(
                      (g) =>
                        html`<tr data-status="${g.status}"><th scope="row">${g.names.join(", ")}</th><td class="num">${String(g.names.length)}</td><td>${W.status[g.status]}</td></tr>`,
                    )
              }</tbody>`,
          )
        : html`<p id="rounds-none">${W.noRoundYet}</p>`
    }`;
}

/** The notice after "Run a round now", read back from the redirect's query (numbers only; the words are ours). */
function noticeOf(q: (k: string) => string | undefined): string | undefined {
  if (q("off") === "1") return W.offNotice;
  const groups = q("groups");
  const unpaired = q("unpaired");
  if (groups && unpaired && /^\d{1,6}$/.test(groups) && /^\d{1,6}$/.test(unpaired)) return W.ranNotice(Number(groups), Number(unpaired));
  return undefined;
}

/**
 * GET /dashboard/:cid/rounds — the figures of `admin rounds`: next round, who is in and
 * skipping, the last round's groups and meet rate; POST /dashboard/:cid/rounds/run runs one now.
 * Below them, the weekly program post of `admin post` (see program-post.ts).
 */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/rounds", async (c) => {
    const viewer = c.get("viewer");
    const r = await adminRounds(ctx.deps, { actor: viewer.actor });
    const post = await adminProgramPost(ctx.deps, { actor: viewer.actor });
    if (!r.ok || !post.ok) return notAdmin(c);
    const q = (k: string) => c.req.query(k);
    const posted = postNoticeOf(q);
    const notice = posted?.text ?? noticeOf(q);
    const cid = viewer.communityId;
    return c.html(
      page({
        viewer,
        title: W.title,
        current: "rounds",
        body: html`${body(r.value, cid, viewerZone(viewer))}${programPostSection(post.value, cid, ctx.deps.programChannel !== undefined)}`,
        ...(notice ? { notice, noticeIsProblem: posted?.problem ?? false } : {}),
      }),
    );
  });

  app.post("/dashboard/:cid/rounds/run", async (c) => {
    const viewer = c.get("viewer");
    const r = await adminRunRound(ctx.deps, { actor: viewer.actor });
    const back = dashboardPath(viewer.communityId, "rounds");
    if (!r.ok) return r.code === "NOT_ADMIN" ? notAdmin(c) : c.redirect(`${back}?off=1`, 303);
    const v = r.value;
    return c.redirect(v.ran ? `${back}?groups=${v.groups.length}&unpaired=${v.unpaired.length}` : `${back}?groups=0&unpaired=0`, 303);
  });
}
