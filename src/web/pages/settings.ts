import type { Hono } from "hono";
import { z } from "zod";
import { html, raw } from "hono/html";
import { allowedValues, numberRange, SETTABLE_KEYS, settingKind, settingText } from "../../core/admin/settings-keys.js";
import type { CommunitySettings } from "../../core/domain/index.js";
import { adminSettings, adminSettingsMany } from "../../core/use-cases/index.js";
import { savedNotice, SETTINGS_WORDS, settingLabel } from "../../text/dashboard.js";
import { settingProblemLine } from "../../text/setting-words.js";
import { type DashboardEnv, dashboardPath, type Viewer, type WebContext } from "../context.js";
import { page } from "../layout.js";
import { notAdmin } from "./refused.js";

/** The HTML id of a setting's field: `setting-chatMinutes`, `setting-nudges-reminder`. */
export const fieldId = (key: string): string => `setting-${key.replace(/\./g, "-")}`;

type Problem = { key: string; message: string };

/** The form's text for a key's current value: "on"/"off", numbers, and empty for "none". */
function shown(settings: CommunitySettings, key: string): string {
  const t = settingText(settings, key);
  const kind = settingKind(key);
  return (kind === "string?" || kind === "list") && t === "none" ? "" : t;
}

function field(key: string, value: string, problem: Problem | undefined) {
  const id = fieldId(key);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = problem ? `${errorId} ${hintId}` : hintId;
  const invalid = problem ? raw(' aria-invalid="true"') : "";
  const kind = settingKind(key);
  const options = (choices: readonly string[]) =>
    html`<select id="${id}" name="${key}" aria-describedby="${described}"${invalid}>
      ${choices.map((o) => html`<option value="${o}"${o === value ? raw(" selected") : ""}>${o}</option>`)}
    </select>`;
  const range = numberRange(key);
  const input =
    kind === "bool"
      ? options([SETTINGS_WORDS.on, SETTINGS_WORDS.off])
      : kind === "step"
        ? options(["15", "30", "60"])
        : kind === "int" && range
          ? html`<input type="number" id="${id}" name="${key}" value="${value}" min="${range.min}" max="${range.max}" step="1" inputmode="numeric" aria-describedby="${described}"${invalid} />`
          : html`<input type="text" id="${id}" name="${key}" value="${value}" autocomplete="off" spellcheck="false"${kind === "string?" || kind === "list" ? raw(` placeholder="${SETTINGS_WORDS.none}"`) : ""} aria-describedby="${described}"${invalid} />`;
  return html`<div class="field">
    <label for="${id}">${settingLabel(key)} <span class="key">${key}</span></label>
    ${input}
    ${problem ? html`<p class="error" id="${errorId}">${problem.message}</p>` : ""}
    <p class="hint" id="${hintId}">${allowedValues(key)}</p>
  </div>`;
}

/** The whole form: every setting, with `values` as typed (or as saved) and any problems marked on their fields. */
function settingsBody(viewer: Viewer, values: Record<string, string>, problems: readonly Problem[]) {
  const byKey = new Map(problems.map((p) => [p.key, p]));
  const plain = SETTABLE_KEYS.filter((k) => !k.startsWith("nudges."));
  const nudges = SETTABLE_KEYS.filter((k) => k.startsWith("nudges."));
  return html`${
    problems.length
      ? html`<div id="settings-problems" class="problems" role="alert" tabindex="-1">
          <p>${SETTINGS_WORDS.problems(problems.length)}</p>
          <ul>
            ${problems.map((p) => html`<li><a href="#${fieldId(p.key)}">${settingLabel(p.key)}: ${p.message}</a></li>`)}
          </ul>
        </div>`
      : ""
  }
    <p>${SETTINGS_WORDS.intro}</p>
    <form id="settings-form" method="post" action="${dashboardPath(viewer.communityId, "settings")}" novalidate>
      ${plain.map((k) => field(k, values[k] ?? "", byKey.get(k)))}
      <fieldset>
        <legend>Follow-ups</legend>
        ${nudges.map((k) => field(k, values[k] ?? "", byKey.get(k)))}
      </fieldset>
      <div class="actions"><button type="submit" id="settings-save">${SETTINGS_WORDS.save}</button></div>
    </form>`;
}

/** The notice after a save, from the redirect's query: only known keys are named. */
function noticeOf(saved: string | undefined): string | undefined {
  if (saved === undefined) return undefined;
  return savedNotice(saved.split(",").filter((k) => SETTABLE_KEYS.includes(k)));
}

/**
 * GET /dashboard/:cid/settings — every setting with its value, meaning and allowed range;
 * POST — saves all of them at once through the core (nothing is saved unless every value is
 * valid): problems come back on the form with what was typed kept, status 400.
 */
export function register(app: Hono<DashboardEnv>, ctx: WebContext): void {
  app.get("/dashboard/:cid/settings", async (c) => {
    const viewer = c.get("viewer");
    const r = await adminSettings(ctx.deps, { actor: viewer.actor });
    if (!r.ok) return notAdmin(c);
    const values = Object.fromEntries(SETTABLE_KEYS.map((k) => [k, shown(r.value.settings, k)]));
    const notice = noticeOf(c.req.query("saved"));
    return c.html(
      page({
        viewer,
        title: SETTINGS_WORDS.title,
        current: "settings",
        body: settingsBody(viewer, values, []),
        ...(notice ? { notice } : {}),
      }),
    );
  });

  app.post("/dashboard/:cid/settings", async (c) => {
    const viewer = c.get("viewer");
    const form = await c.req.parseBody();
    const values: Record<string, string> = {};
    for (const k of SETTABLE_KEYS) {
      const v = form[k];
      if (typeof v === "string") values[k] = v;
    }
    const r = await adminSettingsMany(ctx.deps, { actor: viewer.actor, values });
    if (r.ok) return c.redirect(`${dashboardPath(viewer.communityId, "settings")}?saved=${r.value.changed.join(",")}`, 303);
    if (r.code === "NOT_ADMIN") return notAdmin(c);
    const problems = problemsOf(r.detail);
    return c.html(page({ viewer, title: SETTINGS_WORDS.title, current: "settings", body: settingsBody(viewer, values, problems) }), 400);
  });
}

/** The problems in a failure's detail (`{ problems: SettingProblem[] }`), read defensively, each in words. */
function problemsOf(detail: Record<string, unknown> | undefined): Problem[] {
  const list = detail?.problems;
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: unknown) => {
    const parsed = SettingProblemSchema.safeParse(p);
    return parsed.success ? [{ key: parsed.data.key, message: settingProblemLine(parsed.data) }] : [];
  });
}

const SettingProblemSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("UNKNOWN_SETTING"), key: z.string(), known: z.array(z.string()), suggestions: z.array(z.string()) }),
  z.object({ code: z.literal("BAD_SETTING"), key: z.string(), given: z.string(), allowed: z.string() }),
]);
