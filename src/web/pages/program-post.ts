import type { Hono } from "hono";
import { html } from "hono/html";
import { type AdminPostCode, type AdminPostValue, adminProgramPost } from "../../core/use-cases/index.js";
import { POST_REFUSED, POST_WORDS as W, previewStyle } from "../../text/dashboard-post.js";
import { programPostActions, programPostText } from "../../text/program-post.js";
import { type DashboardEnv, dashboardPath, type WebContext } from "../context.js";
import { figure, type Html, notAdmin } from "./parts.js";
import { fieldId } from "./settings.js";

/** Where "Post it now" sends the form. */
export const POST_NOW = "rounds/post";

/**
 * The weekly program post's section of the Rounds page: on or off, where it goes (or the
 * setting to set), how often and when next, the last refusal, then the post word for word as
 * members would read it with its buttons, and "Post it now" (disabled, with why, when there is
 * no channel or no platform to post through). Times in the community's zone.
 */
export function programPostSection(v: AdminPostValue, communityId: string, canPost: boolean): Html {
  const zone = v.post.timeZone;
  const settings = (key: string) => `${dashboardPath(communityId, "settings")}#${fieldId(key)}`;
  const channel =
    v.channelId === null
      ? html`${W.noChannel}<br /><a class="set" href="${settings("programChannelId")}">${W.setChannel}</a>`
      : v.channelId;
  const blocked = v.channelId === null ? W.postNoChannel : canPost ? null : W.postNoPlatform;
  const buttons = programPostActions(v.post).map((a) => a.label);
  return html`<section id="program-post" aria-labelledby="program-post-heading">
    <h2 id="program-post-heading">${W.heading}</h2>
    <p class="help">${W.intro}</p>
    <dl class="figures" id="post-figures">
      ${figure("postOn", v.on ? W.on : W.off)}
      ${figure("postChannel", channel)}
      ${figure("postCadence", W.cadence(v.everyWeeks))}
      ${figure("postNext", v.nextAt ? W.when(v.nextAt, zone) : W.notScheduled)}
      ${v.lastFailure ? figure("postLastFailure", W.failure(v.lastFailure.at, v.lastFailure.error, zone)) : ""}
    </dl>
    <h3 id="post-preview-heading">${W.previewHeading}</h3>
    <p class="help">${W.previewHelp(v.everyWeeks)}</p>
    <pre id="post-preview" class="post-preview" aria-labelledby="post-preview-heading">${programPostText(v.post, previewStyle(communityId))}</pre>
    <h3 id="post-buttons-heading">${W.buttonsHeading}</h3>
    ${
      buttons.length
        ? html`<ul id="post-buttons" class="post-buttons" aria-labelledby="post-buttons-heading">${buttons.map((b) => html`<li>${b}</li>`)}</ul>`
        : html`<p id="post-buttons">${W.noButtons}</p>`
    }
    <form method="post" action="${dashboardPath(communityId, POST_NOW)}" class="actions">
      ${
        blocked
          ? html`<button type="submit" id="post-now" disabled aria-describedby="post-now-help">${W.postButton}</button>
              <span class="hint" id="post-now-help">${blocked}</span>`
          : html`<button type="submit" id="post-now" aria-describedby="post-now-help">${W.postButton}</button>
              <span class="hint" id="post-now-help">${W.postHelp}</span>`
      }
    </form>
  </section>`;
}

/** The platform's reason, as carried back through the redirect: short, words and punctuation only. */
const SAID = /^[\p{L}\p{N} _.,:;'()/-]{1,80}$/u;

/**
 * The notice after "Post it now", read back from the redirect's query: `post=done`, or
 * `post=<code>` with the platform's reason in `said`. Only our codes are read; the reason is
 * shown only when it looks like one (an unfamiliar value shows as "refused").
 */
export function postNoticeOf(q: (k: string) => string | undefined): { text: string; problem: boolean } | undefined {
  const post = q("post");
  if (post === "done") return { text: W.postedNotice, problem: false };
  if (post === undefined || !Object.hasOwn(POST_REFUSED, post)) return undefined;
  const said = q("said") ?? "";
  return { text: POST_REFUSED[post as AdminPostCode](SAID.test(said) ? said : ""), problem: true };
}

/** POST /dashboard/:cid/rounds/post — posts the program post now, then back to the Rounds page with a notice. */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.post(`/dashboard/:cid/${POST_NOW}`, async (c) => {
    const viewer = c.get("viewer");
    const r = await adminProgramPost(ctx.deps, { actor: viewer.actor, now: true });
    const back = dashboardPath(viewer.communityId, "rounds");
    if (r.ok) return c.redirect(`${back}?post=done`, 303);
    if (r.code === "NOT_ADMIN") return notAdmin(c);
    const said = r.code === "POST_FAILED" ? String(r.detail?.error ?? "") : "";
    const query = new URLSearchParams({ post: r.code, ...(said ? { said } : {}) });
    return c.redirect(`${back}?${query.toString()}`, 303);
  });
}
