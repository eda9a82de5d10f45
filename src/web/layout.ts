import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { ASSETS_PATH, dashboardPath, type Viewer } from "./context.js";

/** The dashboard's pages, in the order the navigation shows them. */
export type PageKey = "overview" | "queue" | "volunteers" | "chats" | "rounds" | "settings";
const NAV: readonly { key: PageKey; label: string; sub: string }[] = [
  { key: "overview", label: "Overview", sub: "" },
  { key: "queue", label: "Queue", sub: "queue" },
  { key: "volunteers", label: "Volunteers", sub: "volunteers" },
  { key: "chats", label: "Chats", sub: "chats" },
  { key: "rounds", label: "Rounds", sub: "rounds" },
  { key: "settings", label: "Settings", sub: "settings" },
];

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The head every page shares: phone-width viewport, the stylesheet, a referrer of the origin only
 * (links carry no path, so no secret, onward; "no-referrer" would make browsers send `Origin: null`
 * on the dashboard's own forms, which the origin check refuses).
 */
function head(title: string, scripts: readonly string[]): Html {
  return html`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="strict-origin" />
    <title>${title} · Percolate</title>
    <link rel="stylesheet" href="${ASSETS_PATH}/style.css" />
    ${scripts.map((s) => html`<script src="${ASSETS_PATH}/${s}" defer></script>`)}`;
}

/**
 * A signed-in page: skip link, the community's name, the navigation (the current page marked
 * with aria-current), an optional notice (role=status), then `body` in <main>. `scripts` are
 * asset files loaded with defer (the charts); every table works without them.
 */
export function page(p: {
  viewer: Viewer;
  title: string;
  current: PageKey;
  body: Html;
  notice?: string;
  /** A notice that says something didn't work (shown as a problem, not as done). */
  noticeIsProblem?: boolean;
  scripts?: readonly string[];
}): Html {
  const v = p.viewer;
  return html`<!doctype html>
    <html lang="en">
      <head>
        ${head(p.title, p.scripts ?? [])}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header>
          <p class="brand">Percolate · ${v.communityName}</p>
          <nav aria-label="Dashboard">
            <ul>
              ${NAV.map(
                (n) =>
                  html`<li><a href="${dashboardPath(v.communityId, n.sub)}"${n.key === p.current ? raw(' aria-current="page"') : ""}>${n.label}</a></li>`,
              )}
            </ul>
          </nav>
          <form method="post" action="${dashboardPath(v.communityId, "signout")}" class="signout">
            <span>Signed in as ${v.adminName}</span> <button type="submit">Sign out</button>
          </form>
        </header>
        <main id="main">
          <h1>${p.title}</h1>
          ${p.notice ? html`<p class="${p.noticeIsProblem ? "notice problem" : "notice"}" role="status">${p.notice}</p>` : ""}
          ${p.body}
        </main>
      </body>
    </html>`;
}

/** A page for someone not signed in (a used or expired link, another community): what happened and what to do. */
export function plainPage(p: { title: string; body: Html }): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        ${head(p.title, [])}
      </head>
      <body>
        <main id="main" class="plain">
          <h1>${p.title}</h1>
          ${p.body}
        </main>
      </body>
    </html>`;
}
