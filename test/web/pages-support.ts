import { Hono } from "hono";
import type { Chat } from "../../src/core/domain/index.js";
import type { Actor } from "../../src/core/use-cases/index.js";
import type { DashboardEnv, Viewer, WebContext } from "../../src/web/context.js";
import { register as chats } from "../../src/web/pages/chats.js";
import { register as overview } from "../../src/web/pages/overview.js";
import { register as volunteers } from "../../src/web/pages/volunteers.js";
import { C, NOW, seedHistory } from "../core/admin/seed.js";
import { world } from "../support/world.js";

export { C, NOW };
export const id = (n: string): string => `${C}:${n}`;
export const admin: Actor = { communityId: C, memberId: id("admin"), displayName: "Ada Admin", platformAdmin: true, timeZone: "UTC" };
export const viewer: Viewer = {
  actor: admin,
  communityId: C,
  communityName: "Stats Club",
  adminName: "Ada Admin",
  zone: "UTC",
  sessionHash: "h",
};
const at = (iso: string): Date => new Date(`${iso}Z`);

/**
 * The seeded history of the stats tests (test/core/admin/seed.ts), plus what the Chats and
 * Volunteers pages show beyond it: feedback with notes on c1, s2's no-show report on c2, and
 * v3 paused until 10 December.
 */
async function seedPages(w: ReturnType<typeof world>): Promise<void> {
  await seedHistory(w.store);
  await w.store.tx(async (tx) => {
    await tx.saveFeedback({
      id: "f1",
      communityId: C,
      chatId: "c1",
      fromId: id("s1"),
      aboutId: id("v1"),
      rating: 5,
      note: "Really <b>helpful</b> & kind",
      createdAt: at("2026-11-07T10:00:00"),
    });
    await tx.saveFeedback({
      id: "f2",
      communityId: C,
      chatId: "c1",
      fromId: id("v1"),
      aboutId: id("s1"),
      rating: 4,
      note: "Came prepared",
      createdAt: at("2026-11-07T12:00:00"),
    });
    const c2 = await tx.getChat(C, "c2");
    if (!c2) throw new Error("seed lacks c2");
    const reported: Chat = {
      ...c2,
      reports: [{ by: id("s2"), outcome: "no_show", at: at("2026-11-12T01:00:00") }],
      outcomeAt: at("2026-11-12T01:00:00"),
    };
    await tx.saveChat(reported);
    const v3 = await tx.getMember(C, id("v3"));
    if (!v3) throw new Error("seed lacks v3");
    await tx.saveMember({ ...v3, status: "paused", pausedUntil: at("2026-12-10T00:00:00") });
  });
}

/** The in-memory world at NOW with the pages' seed. */
export async function seededWorld() {
  const w = world({ start: NOW, community: C });
  await seedPages(w);
  return w;
}

type Register = (app: Hono<DashboardEnv>, ctx: WebContext) => void;

/**
 * The pages on a small Hono app whose only middleware signs the admin in (the web engineer's
 * session middleware does that in the real app), over the in-memory store with the seed;
 * `more` registers further routes (the CSV downloads).
 */
export async function pagesApp(as: Viewer = viewer, more: readonly Register[] = []) {
  const w = await seededWorld();
  const ctx: WebContext = { deps: w.deps, base: "http://localhost", secureCookies: false };
  const app = new Hono<DashboardEnv>();
  app.use("*", async (c, next) => {
    c.set("viewer", as);
    await next();
  });
  for (const register of [overview, volunteers, chats, ...more]) register(app, ctx);
  const get = async (path: string) => {
    const res = await app.request(`http://localhost/dashboard/${encodeURIComponent(C)}/${path}`);
    return { res, body: await res.text() };
  };
  return { app, w, ctx, get };
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
/** The text a person reads in a piece of HTML: tags removed, entities decoded, spaces collapsed. */
export const text = (h: string): string =>
  h
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\s+/g, " ")
    .trim();

/** The HTML of the element with this id (tables, forms, dl: elements that do not nest in themselves). */
export function element(h: string, tag: string, idValue: string): string {
  const start = h.search(new RegExp(`<${tag}\\b[^>]*\\bid="${idValue}"`));
  if (start < 0) throw new Error(`no <${tag} id="${idValue}">`);
  const end = h.indexOf(`</${tag}>`, start);
  return h.slice(start, end + tag.length + 3);
}

/** A table's rows as the text of their cells, from one section (thead, tbody or tfoot). */
export function rows(table: string, section: "thead" | "tbody" | "tfoot"): string[][] {
  const m = new RegExp(`<${section}>([\\s\\S]*?)</${section}>`).exec(table);
  if (!m) return [];
  return [...(m[1] ?? "").matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...(r[1] ?? "").matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => text(cell[1] ?? "")),
  );
}

/** Every table lacking a caption, and every header cell lacking a scope: empty when the page is right. */
export function tableProblems(h: string): string[] {
  const problems: string[] = [];
  for (const t of h.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/g)) {
    const tableId = /id="([^"]+)"/.exec(t[0])?.[1] ?? "?";
    if (!/^\s*<caption[^>]*>[^<]/.test(t[1] ?? "")) problems.push(`${tableId}: no caption first`);
    for (const th of (t[1] ?? "").matchAll(/<th\b([^>]*)>/g))
      if (!/scope="(col|row)"/.test(th[1] ?? "")) problems.push(`${tableId}: <th${th[1]}> without scope`);
  }
  return problems;
}
