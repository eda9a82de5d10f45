import { sqltag as sql } from "@prisma/client/runtime/client";
import type { DashboardGrant } from "../core/domain/index.js";
import type { HotReads } from "./hot-reads.js";
import { dashboardGrantFromRow, dashboardGrantToRow } from "./mappers/dashboard-grant.js";
import { DASHBOARD_GRANT, insertSql } from "./row-specs.js";

/**
 * The dashboard's sign-in links and sessions over one store transaction, in plain SQL both
 * engines run. Using a link is one conditional UPDATE, so of two browsers racing with the same
 * link exactly one sees a row change: SQLite runs the store's transactions one at a time, and
 * on PostgreSQL the loser either waits for the winner's row lock and then finds `used_at` set,
 * or fails serialization and is retried by the store, and then finds it set.
 */
export class DashboardGrants {
  constructor(private readonly hot: HotReads) {}

  /** Inserts a new grant; a hash already stored is a primary-key violation (secrets are random). */
  async save(g: DashboardGrant): Promise<void> {
    await this.hot.run(insertSql(DASHBOARD_GRANT, dashboardGrantToRow(g)));
  }

  async get(hash: string): Promise<DashboardGrant | null> {
    const r = await this.hot.one(DASHBOARD_GRANT, sql`"hash" = ${hash}`);
    return r && dashboardGrantFromRow(r);
  }

  async useLink(hash: string, at: Date): Promise<boolean> {
    const changed = await this.hot.run(
      sql`UPDATE "dashboard_grants" SET "used_at" = ${at} WHERE "hash" = ${hash} AND "kind" = 'link' AND "used_at" IS NULL`,
    );
    return changed > 0;
  }

  async delete(hash: string): Promise<boolean> {
    return (await this.hot.run(sql`DELETE FROM "dashboard_grants" WHERE "hash" = ${hash}`)) > 0;
  }

  prune(before: Date): Promise<number> {
    return this.hot.run(sql`DELETE FROM "dashboard_grants" WHERE "expires_at" < ${before}`);
  }
}
