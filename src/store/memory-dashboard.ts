import type { DashboardGrant } from "../core/domain/index.js";

const copy = (g: DashboardGrant): DashboardGrant => structuredClone(g);

/**
 * The dashboard's sign-in links and sessions in memory (MemoryStore's), by hash: the same rules
 * as the SQL ones. Records are replaced, never changed in place, so a transaction that throws
 * leaves the table as it was.
 */
export class MemoryGrants {
  constructor(private readonly rows: Map<string, DashboardGrant>) {}

  save(g: DashboardGrant): void {
    // As the table's primary key would: a grant is never saved over another.
    if (this.rows.has(g.hash)) throw new Error("MemoryStore: a dashboard grant with this hash is already stored");
    this.rows.set(g.hash, copy(g));
  }

  get(hash: string): DashboardGrant | null {
    const g = this.rows.get(hash);
    return g ? copy(g) : null;
  }

  useLink(hash: string, at: Date): boolean {
    const g = this.rows.get(hash);
    if (g?.kind !== "link" || g.usedAt !== null) return false;
    this.rows.set(hash, { ...copy(g), usedAt: new Date(at) });
    return true;
  }

  delete(hash: string): boolean {
    return this.rows.delete(hash);
  }

  prune(before: Date): number {
    let n = 0;
    for (const [hash, g] of this.rows) {
      if (g.expiresAt.getTime() >= before.getTime()) continue;
      this.rows.delete(hash);
      n++;
    }
    return n;
  }
}
