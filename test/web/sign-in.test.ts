import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../src/web/security.js";
import { BASE, dashboardWorld, textOf } from "./harness.js";

const HOUR = 3_600_000;

describe("signing in to the dashboard", () => {
  it("a link opens a confirm page that never uses it (link previews fetch it too), with the security headers", async () => {
    const d = await dashboardWorld();
    const url = await d.link();
    for (let i = 0; i < 3; i++) {
      const page = await d.send(`${url.pathname}${url.search}`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.headers.get("x-content-type-options")).toBe("nosniff");
      expect(page.headers.get("referrer-policy")).toBe("strict-origin");
      const html = await page.text();
      expect(html).toContain('<form id="signin-form" method="post" action="/dashboard/test%3Ac1/signin">');
      expect(html).toContain(`name="token" value="${url.searchParams.get("token")}"`);
      expect(textOf(html)).toContain(`Sign in to ${d.name}'s dashboard`);
    }
    const signed = await d.signInWith(url);
    expect(signed.res.status).toBe(303);
    expect(signed.res.headers.get("location")).toBe("/dashboard/test%3Ac1/");
  });

  it("a community known only by its id (the shell's) is 'your community' on the confirm page, never its id", async () => {
    const d = await dashboardWorld({ unnamed: true });
    const url = await d.link();
    const text = textOf(await (await d.send(`${url.pathname}${url.search}`)).text());
    expect(text).toContain("Sign in to your community's dashboard");
    expect(text).not.toContain("test:c1");
  });

  it("sets an HttpOnly, SameSite=Lax cookie scoped to the community's path for the session's hours; Secure over HTTPS", async () => {
    const d = await dashboardWorld();
    const { setCookie } = await d.signInWith(await d.link());
    expect(setCookie).toMatch(/^percolate_session=[A-Za-z0-9_-]{40,};/);
    expect(setCookie).toContain("Max-Age=28800");
    expect(setCookie).toContain("Path=/dashboard/test%3Ac1");
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    expect(setCookie).not.toContain("Secure");
    const https = await dashboardWorld({ secureCookies: true });
    expect((await https.signInWith(await https.link())).setCookie).toContain("Secure");
  });

  it("refuses a form without the dashboard's Origin, and the link still works afterwards", async () => {
    const d = await dashboardWorld();
    const url = await d.link();
    const token = url.searchParams.get("token") ?? "";
    for (const origin of [null, "https://evil.example"]) {
      const res = await d.send(url.pathname, { form: { token }, origin });
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(textOf(await res.text())).toContain(
        "This form didn't come from the dashboard For your safety, the dashboard only accepts forms sent from its own pages. Go back, reload the page and try again.",
      );
    }
    expect((await d.signInWith(url)).res.status).toBe(303);
  });

  it("a used, expired or unknown link says what happened and how to get a new one", async () => {
    const d = await dashboardWorld();
    const url = await d.link();
    await d.signInWith(url);
    const used = (await d.signInWith(url)).res;
    expect(used.status).toBe(410);
    expect(textOf(await used.text())).toContain(
      `This link was already used Each sign-in link works once, and this one has signed someone in already. Type /coffee admin dashboard in ${d.name} for a new link.`,
    );
    const late = await d.link();
    d.clock.advance(16 * 60_000);
    const expired = (await d.signInWith(late)).res;
    expect(expired.status).toBe(410);
    expect(textOf(await expired.text())).toContain(
      `This link has expired Sign-in links work for 15 minutes. Type /coffee admin dashboard in ${d.name} for a new link.`,
    );
    const unknown = (await d.signInWith(new URL(`${BASE}/dashboard/test%3Ac1/signin?token=nope`))).res;
    expect(unknown.status).toBe(403);
    expect(textOf(await unknown.text())).toContain(
      `This link doesn't work It may have been cut short when it was copied. Type /coffee admin dashboard in ${d.name} for a new link.`,
    );
  });

  it("a session opens its own community only: community A's cookie sent by hand to B's path is refused", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    expect((await d.send("/dashboard/test%3Ac1/queue", { cookie })).status).toBe(200);
    const other = await d.send("/dashboard/test%3Ac2/queue", { cookie });
    expect(other.status).toBe(403);
    expect(textOf(await other.text())).toContain("You're signed in to another community Your session is for another community's dashboard");
    const none = await d.send("/dashboard/test%3Ac1/queue");
    expect(none.status).toBe(403);
    expect(textOf(await none.text())).toContain(
      `Please sign in This dashboard opens with a sign-in link. Type /coffee admin dashboard in ${d.name} for a new link.`,
    );
  });

  it("a session ends after 8 hours, and when the platform says the admin is one no more", async () => {
    let admin = true;
    const d = await dashboardWorld({ adminFacts: async () => ({ platformAdmin: admin, roles: [] }) });
    const cookie = await d.signIn();
    expect((await d.send("/dashboard/test%3Ac1/settings", { cookie })).status).toBe(200);
    admin = false;
    const demoted = await d.send("/dashboard/test%3Ac1/settings", { cookie });
    expect(demoted.status).toBe(403);
    expect(textOf(await demoted.text())).toContain(`You're no longer an admin of ${d.name} Only ${d.name}'s admins can see its dashboard`);
    admin = true;
    d.clock.advance(8 * HOUR + 1);
    const ended = await d.send("/dashboard/test%3Ac1/settings", { cookie });
    expect(ended.status).toBe(403);
    expect(textOf(await ended.text())).toContain(
      `Your session has ended Dashboard sessions last 8 hours. Type /coffee admin dashboard in ${d.name} for a new link.`,
    );
  });

  it("signing out ends the session and clears the cookie", async () => {
    const d = await dashboardWorld();
    const cookie = await d.signIn();
    const out = await d.send("/dashboard/test%3Ac1/signout", { method: "POST", cookie, form: {} });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/^percolate_session=;.*Max-Age=0.*Path=\/dashboard\/test%3Ac1/);
    expect(textOf(await out.text())).toContain("You're signed out");
    expect((await d.send("/dashboard/test%3Ac1/queue", { cookie })).status).toBe(403);
  });
});

describe("assets", () => {
  it("serves the stylesheet and the chart library with their types and a long cache, and nothing off the list", async () => {
    const d = await dashboardWorld();
    const css = await d.send("/dashboard/assets/style.css");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(css.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await css.text()).toContain(":focus-visible");
    const chart = await d.send("/dashboard/assets/chart.umd.min.js");
    expect(chart.status).toBe(200);
    expect(chart.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await chart.text()).length).toBeGreaterThan(100_000);
    for (const bad of ["app.ts", "..%2Fapp.ts", "%2E%2E%2Fcontext.ts", "nope.css"])
      expect((await d.send(`/dashboard/assets/${bad}`)).status).toBe(404);
  });
});
