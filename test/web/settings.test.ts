import { describe, expect, it } from "vitest";
import { SETTABLE_KEYS } from "../../src/core/admin/settings-keys.js";
import { dashboardWorld, textOf } from "./harness.js";

const SETTINGS = "/dashboard/test%3Ac1/settings";

/** The form's fields as the browser would send them: each input's value, each select's selected option. */
function formValues(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="(?:number|text)" id="[^"]+" name="([^"]+)" value="([^"]*)"/g)) out[m[1] ?? ""] = m[2] ?? "";
  for (const m of html.matchAll(/<select id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    out[m[1] ?? ""] = /<option value="([^"]+)" selected>/.exec(m[2] ?? "")?.[1] ?? "";
  return out;
}

describe("the settings page", () => {
  it("shows every setting as a labelled field with its value and a hint", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const html = await (await d.send(SETTINGS, { cookie })).text();
    expect(html).toContain('<form id="settings-form" method="post" action="/dashboard/test%3Ac1/settings" novalidate>');
    expect(Object.keys(formValues(html)).sort()).toEqual([...SETTABLE_KEYS].sort());
    expect(html).toContain('<label for="setting-chatMinutes">Length of a chat (min) <span class="key">chatMinutes</span></label>');
    expect(html).toMatch(/<input type="number" id="setting-chatMinutes" name="chatMinutes" value="30" min="\d+" max="\d+" step="1"/);
    expect(html).toContain('aria-describedby="setting-chatMinutes-hint"');
    expect(html).toMatch(/<p class="hint" id="setting-chatMinutes-hint">a whole number from \d+ to \d+<\/p>/);
    expect(formValues(html).programPaused).toBe("off");
    expect(textOf(html)).toContain("Save settings");
  });

  it("saves every field at once and names what changed; saving again changes nothing", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const values = formValues(await (await d.send(SETTINGS, { cookie })).text());
    const saved = await d.send(SETTINGS, { cookie, form: { ...values, chatMinutes: "45", programPaused: "on" } });
    expect(saved.status).toBe(303);
    const back = saved.headers.get("location") ?? "";
    const html = await (await d.send(back, { cookie })).text();
    expect(textOf(html)).toContain("Settings saved: length of a chat (min) (chatMinutes), pause all intros (programPaused).");
    const community = await d.store.tx((tx) => tx.getCommunity(d.communityId));
    expect(community?.settings).toMatchObject({ chatMinutes: 45, programPaused: true });
    const again = await d.send(SETTINGS, { cookie, form: formValues(html) });
    expect(textOf(await (await d.send(again.headers.get("location") ?? "", { cookie })).text())).toContain("Nothing changed.");
  });

  it("a bad value saves nothing: the form comes back with what was typed, each problem linked to its field", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const values = formValues(await (await d.send(SETTINGS, { cookie })).text());
    const res = await d.send(SETTINGS, {
      cookie,
      form: { ...values, chatMinutes: "999", defaultTimeZone: "Mars/Base", horizonDays: "10" },
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<div id="settings-problems" class="problems" role="alert" tabindex="-1">');
    expect(textOf(html)).toContain("2 settings need a fix; nothing was saved:");
    expect(html).toContain('<a href="#setting-chatMinutes">Length of a chat (min): ');
    expect(html).toContain('<a href="#setting-defaultTimeZone">');
    expect(html).toMatch(
      /<input type="number" id="setting-chatMinutes" name="chatMinutes" value="999"[^>]*aria-describedby="setting-chatMinutes-error setting-chatMinutes-hint" aria-invalid="true"/,
    );
    expect(html).toMatch(/<p class="error" id="setting-chatMinutes-error">[^<]+<\/p>/);
    expect(formValues(html)).toMatchObject({ horizonDays: "10", defaultTimeZone: "Mars/Base" });
    const community = await d.store.tx((tx) => tx.getCommunity(d.communityId));
    expect(community?.settings.horizonDays).toBe(Number(values.horizonDays));
    expect(community?.settings.chatMinutes).toBe(30);
  });
});
