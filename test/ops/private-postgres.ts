import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The PostgreSQL server binaries on this machine (Debian's layout), or null. */
function binDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, "bin", "pg_ctl"))) return join(base, v, "bin");
  return null;
}

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Why a private server cannot run here, or null when it can. */
export function privatePostgresMissing(): string | null {
  if (!binDir()) return "no PostgreSQL server binaries under /usr/lib/postgresql";
  if (process.getuid?.() === 0) {
    try {
      execFileSync("id", ["postgres"], { stdio: "ignore" });
    } catch {
      return "running as root and no postgres user to run the server as";
    }
  }
  return null;
}

/**
 * A PostgreSQL server of the test's own (initdb in a temp folder, a free port, trust auth), so
 * stopping and starting it disturbs no one else. Runs as the postgres user when the tests run as root.
 */
export async function startPrivatePostgres() {
  const bin = binDir();
  if (!bin) throw new Error("no PostgreSQL binaries");
  const root = mkdtempSync(join(tmpdir(), "percolate-pg-"));
  const data = join(root, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(root, uid, gid);
    chmodSync(root, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const cmd = join(bin, tool);
    execFileSync(asRoot ? "runuser" : cmd, asRoot ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe", cwd: root });
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const start = () =>
    run("pg_ctl", ["-D", data, "-w", "-t", "60", "-l", join(root, "log"), "-o", `-p ${port} -k ${root} -h 127.0.0.1 -F`, "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-w", "-t", "60", "-m", "fast", "stop"]);
  start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async destroy() {
      try {
        stop();
      } catch {
        // Already stopped.
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
