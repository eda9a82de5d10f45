import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { DASHBOARD_SESSION_HOURS } from "../core/domain/dashboard.js";
import { dashboardViewer, openDashboardLink, signOutDashboard } from "../core/use-cases/index.js";
import { linkRefusal, SIGNED_OUT, SOME_COMMUNITY, sessionRefusal, signInWords } from "../text/dashboard.js";
import { type DashboardEnv, dashboardPath, type Viewer, type WebContext } from "./context.js";
import { plainPage } from "./layout.js";
import { refusalPage } from "./refusal.js";

/** The session cookie: HttpOnly, SameSite=Lax, scoped to one community's dashboard path. */
export const SESSION_COOKIE = "percolate_session";

/** The cookie's path: the community's dashboard, without the trailing slash (so /dashboard/<cid> and below). */
const cookiePath = (communityId: string): string => dashboardPath(communityId).replace(/\/$/, "");

/** The community's name for pages shown before anyone is signed in; a neutral phrase when it is gone or has no name. */
async function communityName(ctx: WebContext, communityId: string): Promise<string> {
  const community = await ctx.deps.store.tx((tx) => tx.getCommunity(communityId));
  // A community known only by its id (the shell's, or one whose name the platform never gave) reads as a phrase, not an id.
  return community && community.name !== community.id ? community.name : SOME_COMMUNITY;
}

/**
 * The signed-in admin for this request, or why there is none. Admin rights are checked again
 * each time: with fresh facts from the platform when it can say (ctx.adminFacts), else with
 * the facts recorded at sign-in.
 */
async function viewerOf(ctx: WebContext, communityId: string, secret: string | undefined) {
  if (!secret) return { ok: false as const, code: "NO_SESSION" as const };
  const seen = await dashboardViewer(ctx.deps, { communityId, secret });
  if (!seen.ok || !ctx.adminFacts) return seen;
  const facts = await ctx.adminFacts(communityId, seen.value.actor.memberId);
  return facts ? dashboardViewer(ctx.deps, { communityId, secret, facts }) : seen;
}

/**
 * Sign-in, sign-out and the session check. A sign-in link only shows a confirm page on GET
 * (chat platforms fetch links to preview them, and a preview must not use the link up); the
 * POST from that page uses the link once and sets the session cookie.
 */
export function registerSession(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/signin", async (c) => {
    const cid = c.req.param("cid");
    const name = await communityName(ctx, cid);
    const token = c.req.query("token") ?? "";
    if (!token) return refusalPage(c, linkRefusal("LINK_UNKNOWN", cid, name), 403);
    const w = signInWords(name);
    return c.html(
      plainPage({
        title: w.title,
        body: html`<p>${w.intro}</p>
          <form id="signin-form" method="post" action="${dashboardPath(cid, "signin")}">
            <input type="hidden" name="token" value="${token}" />
            <button type="submit">${w.button}</button>
          </form>`,
      }),
    );
  });

  app.post("/dashboard/:cid/signin", async (c) => {
    const cid = c.req.param("cid");
    const form = await c.req.parseBody();
    const token = typeof form.token === "string" ? form.token : "";
    const opened = token
      ? await openDashboardLink(ctx.deps, { communityId: cid, secret: token })
      : { ok: false as const, code: "LINK_UNKNOWN" as const };
    if (!opened.ok) {
      const status = opened.code === "LINK_USED" || opened.code === "LINK_EXPIRED" ? 410 : 403;
      return refusalPage(c, linkRefusal(opened.code, cid, await communityName(ctx, cid)), status);
    }
    setCookie(c, SESSION_COOKIE, opened.value.sessionSecret, {
      path: cookiePath(cid),
      httpOnly: true,
      sameSite: "Lax",
      secure: ctx.secureCookies,
      maxAge: DASHBOARD_SESSION_HOURS * 3600,
    });
    return c.redirect(dashboardPath(cid), 303);
  });

  app.post("/dashboard/:cid/signout", async (c) => {
    const cid = c.req.param("cid");
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) await signOutDashboard(ctx.deps, { secret });
    deleteCookie(c, SESSION_COOKIE, { path: cookiePath(cid), httpOnly: true, sameSite: "Lax", secure: ctx.secureCookies });
    return refusalPage(c, SIGNED_OUT, 200);
  });

  // /dashboard/<cid> without the slash: to the overview.
  app.get("/dashboard/:cid", (c) => c.redirect(dashboardPath(c.req.param("cid")), 308));

  app.use("/dashboard/:cid/*", async (c, next) => {
    const cid = c.req.param("cid");
    const seen = await viewerOf(ctx, cid, getCookie(c, SESSION_COOKIE));
    if (!seen.ok) return refuse(c, ctx, cid, seen.code);
    const v = seen.value;
    const viewer: Viewer = {
      actor: v.actor,
      communityId: cid,
      communityName: v.communityName,
      adminName: v.adminName,
      zone: v.zone,
      sessionHash: v.sessionHash,
    };
    c.set("viewer", viewer);
    await next();
  });
}

async function refuse(
  c: Context<DashboardEnv>,
  ctx: WebContext,
  cid: string,
  code: "NO_SESSION" | "SESSION_EXPIRED" | "OTHER_COMMUNITY" | "NOT_ADMIN",
): Promise<Response> {
  return refusalPage(c, sessionRefusal(code, cid, await communityName(ctx, cid)), 403);
}
