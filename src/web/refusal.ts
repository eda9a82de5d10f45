import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { html } from "hono/html";
import type { RefusalWords } from "../text/dashboard.js";
import type { DashboardEnv } from "./context.js";
import { plainPage } from "./layout.js";

/** A plain page saying what happened and what to do, with its status. */
export function refusalPage(c: Context<DashboardEnv>, words: RefusalWords, status: ContentfulStatusCode): Response | Promise<Response> {
  return c.html(plainPage({ title: words.title, body: html`${words.lines.map((l) => html`<p>${l}</p>`)}` }), status);
}
