import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { SecretBox } from "../../src/app/secret-box.js";
import type { Installation } from "../../src/core/ports/index.js";
import { openStore } from "../../src/store/index.js";
import { community, t } from "./fixtures.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OLD = randomBytes(32).toString("base64");
const NEW = randomBytes(32).toString("hex");
const LOST = randomBytes(32).toString("base64");

const dir = mkdtempSync(join(tmpdir(), "percolate-reseal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The credentials of a workspace as Slack hands them over: tokens that must never be stored readable. */
const credentials = (team: string) => JSON.stringify({ botToken: `xoxb-${team}-4242-secret`, refreshToken: `xoxe-1-${team}-refresh` });

function installation(team: string, box: SecretBox, minute: number): Installation {
  const id = `slack:${team}`;
  return {
    id,
    platform: "slack",
    teamId: team,
    enterpriseId: null,
    installerId: "UINSTALLER",
    botUserId: "UBOT",
    scopes: ["chat:write", "commands"],
    tokenExpiresAt: t(minute + 720),
    sealed: box.seal(credentials(team), id),
    installedAt: t(minute),
    updatedAt: t(minute),
  };
}

/** A SQLite file holding `installs` (and a community, so more than one table has rows). */
async function databaseWith(name: string, installs: Installation[]): Promise<string> {
  const url = `file:${join(dir, name, "percolate.db")}`;
  const store = await openStore(url);
  await store.tx(async (tx) => {
    await tx.saveCommunity(community("slack:TA"));
    for (const i of installs) await tx.saveInstallation(i);
  });
  await store.close();
  return url;
}

async function installationsIn(url: string): Promise<Installation[]> {
  const store = await openStore(url);
  try {
    return await store.tx((tx) => tx.listInstallations());
  } finally {
    await store.close();
  }
}

/** Runs `npm run secrets:reseal`'s script as its own process. */
function reseal(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/reseal-secrets.ts"], { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every byte of the database's files (main file, and WAL/journal if any are left). */
function rawBytes(name: string): string {
  const folder = join(dir, name);
  return readdirSync(folder)
    .map((f) => readFileSync(join(folder, f)).toString("latin1"))
    .join("");
}

/** `SELECT *` of every table, as text: what a dump shows. */
function dump(name: string): string {
  const db = new Database(join(dir, name, "percolate.db"), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((x) => x.name)).toContain("installations");
    return tables.map((x) => `${x.name}: ${JSON.stringify(db.prepare(`SELECT * FROM "${x.name}"`).all())}`).join("\n");
  } finally {
    db.close();
  }
}

it("re-seals installations sealed under an older key, leaves current ones, and a dump shows no token", async () => {
  const old = new SecretBox(OLD);
  const fresh = new SecretBox(NEW);
  const url = await databaseWith("rotate", [
    installation("TA", old, 1),
    installation("TB", old, 2),
    installation("TC", fresh, 3),
    installation("TD", old, 4),
    installation("TE", fresh, 5),
  ]);
  const before = await installationsIn(url);

  const run = await reseal({ DATABASE_URL: url, SECRETS_KEY: `${NEW},${OLD}` });
  expect(run).toMatchObject({ code: 0, stderr: "" });
  expect(run.stdout.trim().split("\n")).toEqual([`${url}: 3 installations re-sealed under key ${fresh.keyId}, 2 already current.`]);

  const after = await installationsIn(url);
  expect(after.map((i) => i.id)).toEqual(["slack:TA", "slack:TB", "slack:TC", "slack:TD", "slack:TE"]);
  for (const [n, i] of after.entries()) {
    // Only the new key is needed now; everything but the sealed value is as it was.
    expect(fresh.isStale(i.sealed)).toBe(false);
    expect(fresh.open(i.sealed, i.id)).toBe(credentials(i.teamId ?? ""));
    const { sealed: _s, ...rest } = i;
    const { sealed: _b, ...was } = before[n] as Installation;
    expect(rest).toEqual(was);
  }
  // The two that were current are untouched, byte for byte.
  expect(after[2]?.sealed).toBe(before[2]?.sealed);
  expect(after[4]?.sealed).toBe(before[4]?.sealed);

  const again = await reseal({ DATABASE_URL: url, SECRETS_KEY: NEW });
  expect(again.stdout.trim()).toBe(`${url}: 0 installations re-sealed under key ${fresh.keyId}, 5 already current.`);

  for (const text of [rawBytes("rotate"), dump("rotate")]) {
    expect(text).toContain("slack:TA");
    expect(text).not.toMatch(/xox[bpe]-/);
  }
});

it("stops with one line naming the fix, and changes nothing, when a value opens with no key in SECRETS_KEY", async () => {
  const lost = new SecretBox(LOST);
  const url = await databaseWith("lost", [installation("TA", new SecretBox(OLD), 1), installation("TB", lost, 2)]);
  const before = await installationsIn(url);

  const run = await reseal({ DATABASE_URL: url, SECRETS_KEY: `${NEW},${OLD}` });
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  expect(run.stderr.trim().split("\n")).toEqual([
    `secrets:reseal: installation slack:TB cannot be opened: sealed with a key SECRETS_KEY no longer holds (key id ${lost.keyId}): put that key back after the new one. Nothing was changed.`,
  ]);
  expect(await installationsIn(url)).toEqual(before);
});

it.each([
  ["unset", "", "secrets:reseal: SECRETS_KEY is not set: set it to the keys, newest first, separated by commas"],
  ["not a key", "hunter2", "secrets:reseal: SECRETS_KEY: each key must be 32 random bytes as 64 hex digits or base64"],
])("refuses a SECRETS_KEY that is %s, naming the fix", async (_what, key, line) => {
  const url = await databaseWith(`bad-${key.length}`, []);
  const run = await reseal({ DATABASE_URL: url, SECRETS_KEY: key });
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toContain(line);
  expect(run.stderr).toContain('"openssl rand -base64 32"');
});
