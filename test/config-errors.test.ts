import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.js";
import { openStore } from "../src/store/index.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const aFile = join(dir, "plain-file");
writeFileSync(aFile, "not a folder");

/** `npm start` with this environment and no input: its exit code and what it printed on stderr. */
function start(env: Record<string, string>): Promise<{ code: number | null; err: string }> {
  const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK|DISCORD|DATABASE)_/.test(k)));
  const child = spawn(process.execPath, ["--import", "tsx", main], { env: { ...clean, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, err }));
  });
}

const rejection = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  throw new Error("expected a rejection");
};

describe("configuration errors name the variable and never a secret (finding 7)", () => {
  it("a DATABASE_URL with a password in it is refused without echoing the password", () => {
    for (const url of ["mysql://admin:pw@db.example:3306/app", "mysql://admin:p@ss:w/rd@db.example/app", "sqlserver://sa:hunter2@host"]) {
      const r = readConfig({ DATABASE_URL: url });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.message).toMatch(/^DATABASE_URL: must start with file:/);
      for (const secret of ["pw", "p@ss", "w/rd", "hunter2"]) expect(r.message).not.toContain(`:${secret}`);
      expect(r.message).not.toContain("hunter2");
      expect(r.message).not.toContain("\n");
    }
  });

  it("a DATABASE_URL under a file instead of a folder is one line naming the variable, not a raw ENOTDIR", async () => {
    for (const path of [join(aFile, "percolate.db"), join(aFile, "deeper", "percolate.db")]) {
      const message = await rejection(openStore(`file:${path}`));
      expect(message).toMatch(
        /^DATABASE_URL: can't open file:.*plain-file\/.*percolate\.db: part of that path is a file, not a folder \((ENOTDIR|EEXIST)\)\./,
      );
      expect(message).not.toContain("\n");
    }
  });

  it("a PostgreSQL server that cannot be reached is named without the password", async () => {
    const message = await rejection(openStore("postgresql://admin:s3cr3t-pw@127.0.0.1:1/app"));
    expect(message).toMatch(/^DATABASE_URL: can.t open postgresql:\/\/admin:\*\*\*@127\.0\.0\.1:1\/app: /);
    expect(message).not.toContain("s3cr3t-pw");
    expect(message).not.toContain("\n");
  });

  it("npm start stops with exit code and one line on stderr for both, naming DATABASE_URL, with no stack", async () => {
    const underFile = await start({ DATABASE_URL: `file:${join(aFile, "x.db")}` });
    expect(underFile.code).not.toBe(0);
    expect(underFile.err.trim().split("\n")).toHaveLength(1);
    expect(underFile.err).toContain("DATABASE_URL: can't open");
    expect(underFile.err).not.toMatch(/\n\s+at /);

    const withPassword = await start({ DATABASE_URL: "mysql://admin:pw123@db.example/app" });
    expect(withPassword.code).toBe(2);
    expect(withPassword.err).toContain("DATABASE_URL:");
    expect(withPassword.err).not.toContain("pw123");
  });
});

describe("startup failures are one line naming what to change", () => {
  it("a port in use names PORT; any URL with credentials in a message is hidden; no stack", async () => {
    const { startupErrorLine } = await import("../src/app/startup-error.js");
    const inUse = Object.assign(new Error("listen EADDRINUSE: address already in use :::3000"), {
      code: "EADDRINUSE",
      syscall: "listen",
      port: 3000,
    });
    expect(startupErrorLine(inUse, { PORT: "3000" })).toBe(
      "PORT: 3000 is already in use by another program; set PORT to a free port (EADDRINUSE).",
    );
    const leaky = new Error("could not connect to postgresql://admin:hunter2@db:5432/app\n    at connect (pg.js:1:1)");
    const line = startupErrorLine(leaky, { DATABASE_URL: "postgresql://admin:hunter2@db:5432/app" });
    expect(line).not.toContain("hunter2");
    expect(line).not.toContain("\n");
  });
});
