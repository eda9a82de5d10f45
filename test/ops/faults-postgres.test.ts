import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config.js";
import { defaultSettings } from "../../src/core/domain/index.js";
import { isStoreUnavailable } from "../../src/core/ports/index.js";
import type { OpsState } from "../../src/ops/health.js";
import { makeSafeLogger } from "../../src/ops/log.js";
import { type Service, startService } from "../../src/ops/service.js";
import { Captured, get } from "./support.js";
import { privatePostgresMissing, startPrivatePostgres } from "./private-postgres.js";

const missing = privatePostgresMissing();

describe.skipIf(missing !== null)("PostgreSQL going away (a private server, stopped and started by the test)", () => {
  let pg: Awaited<ReturnType<typeof startPrivatePostgres>>;
  beforeAll(async () => {
    pg = await startPrivatePostgres();
  }, 120_000);
  afterAll(async () => pg?.destroy());

  it("unreachable at start: one clear line per attempt, retried with backoff, /readyz red then green; a restart mid-run is held and recovered", async () => {
    pg.stop();
    const out = new Captured();
    const log = makeSafeLogger("info", [], out);
    const config = ConfigSchema.parse({ DATABASE_URL: `${pg.url}?schema=faults`, HTTP_PORT: "0", LOG_LEVEL: "info" });
    let port: number | null = null;
    let state: OpsState | null = null;
    const starting = startService(config, log, {
      retry: { firstMs: 50, maxMs: 200 },
      onListening: (s) => {
        port = s.opsPort;
        state = s.state;
      },
    });
    let service: Service | null = null;
    try {
      await out.until(/database unreachable[^\n]*retrying in[^\n]*\n[^\n]*database unreachable/);
      const lines = out.text.split("\n").filter((l) => l.includes("database unreachable"));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(lines[0]).toMatch(/ECONNREFUSED|Cannot reach PostgreSQL/);
      expect((await get(port, "/healthz")).status).toBe(200);
      const red = await get(port, "/readyz");
      expect(red.status).toBe(503);
      expect(JSON.parse(red.body)).toMatchObject({ checks: { database: { ok: false }, migrations: { ok: false } } });

      pg.start();
      service = await starting;
      expect((await get(port, "/readyz")).status).toBe(200);
      expect(state).not.toBeNull();

      const save = (id: string) =>
        service?.store.tx((tx) =>
          tx.saveCommunity({ id, name: id, settings: defaultSettings({}), createdAt: new Date("2026-01-01T00:00:00Z") }),
        );
      await save("before");

      pg.stop();
      expect(isStoreUnavailable(await Promise.resolve(save("during")).catch((e: unknown) => e))).toBe(true);
      expect((await get(port, "/readyz")).status).toBe(503);

      pg.start();
      // The pool's dead connections are found out one by one: the first tries may still fail, never for long.
      let saved = false;
      for (let i = 0; i < 50 && !saved; i++) {
        saved = await Promise.resolve(save("after")).then(
          () => true,
          (e: unknown) => {
            if (!isStoreUnavailable(e)) throw e;
            return false;
          },
        );
      }
      expect(saved).toBe(true);
      expect((await get(port, "/readyz")).status).toBe(200);
      const ids = (await service.store.tx((tx) => tx.listCommunities())).map((c) => c.id);
      expect(ids.sort()).toEqual(["after", "before"]);
      expect(out.text.split("\n").filter((l) => l.includes("database fault"))).toHaveLength(1);
      expect(out.text).toContain("fault cleared");
    } finally {
      if (!service) service = await starting.catch(() => null);
      await service?.stop();
    }
  }, 120_000);
});

if (missing !== null) {
  describe("PostgreSQL going away", () => {
    it.skip(`needs a private PostgreSQL server: ${missing}`, () => {});
  });
}
