import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/core/admin/csv.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { runShell } from "../../src/shell/repl.js";
import type { ShellOptions } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const START = Date.UTC(2026, 10, 23, 8, 0);
const dir = mkdtempSync(join(tmpdir(), "percolate-shell-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function drive(lines: string[], options: ShellOptions = {}): Promise<string> {
  const clock = new ShiftableClock(() => START);
  const out = new PassThrough();
  let text = "";
  out.on("data", (c: Buffer) => (text += c.toString()));
  await runShell(
    { store: new MemoryStore(), clock, ids: sequentialIds(), log: silentLogger },
    clock,
    Readable.from(lines.map((l) => `${l}\n`)),
    out,
    "UTC",
    options,
  );
  return text;
}

/** Each admin command as typed, and a piece of what an admin sees. */
const COMMANDS: [string, string][] = [
  ["admin settings", "chatMinutes"],
  ["admin settings chatMinutes 20", "Saved: chatMinutes is now 20."],
  ["admin tags alias k8s kubernetes", '"k8s" now means "kubernetes"'],
  ["admin stats", "📊 Coffee chats — last 30d"],
  [`admin export ${join(dir, "every")}`, "Exported members.csv"],
  ["admin add bob", "they can run admin commands now"],
  ["admin remove bob", "their admin rights are removed"],
  ["admin match", "Matched the queue"],
];

describe("admin commands in the shell", () => {
  it("the first member (alice) may run each admin command; bob is refused each one with the fix", async () => {
    for (const [line, shows] of COMMANDS) {
      const prelude = line === "admin remove bob" ? ["admin add bob"] : [];
      const out = await drive(["status", "as bob", "status", line, "as alice", ...prelude, line]);
      const asBob = out.split(`bob> ${line}`)[1]?.split("bob> as alice")[0] ?? "";
      const asAlice = out.split(`alice> ${line}`)[1] ?? "";
      expect(asBob, line).toContain("Only community admins can use admin");
      expect(asAlice, line).toContain(shows);
      expect(asAlice, line).not.toContain("Only community admins");
    }
  });

  it("--admin (or the admins option) makes another member an admin", async () => {
    const out = await drive(["status", "as bob --admin", "admin stats all"]);
    expect(out).toContain("You are now bob (admin).");
    expect(out).toContain("📊 Coffee chats — all time");
    const opt = await drive(["as carol", "status", "as dan", "admin stats"], { admins: ["dan"] });
    expect(opt).toContain("📊 Coffee chats");
  });

  it("rejects a bad setting naming the field and the range", async () => {
    const out = await drive(["admin settings chatMinutes 90", "admin settings colour blue"]);
    expect(out).toContain('"90" won\'t work for chatMinutes: use a whole number from 15 to 45.');
    expect(out).toContain('There\'s no setting "colour". Type "admin settings" to see them all.');
  });

  it("export writes the CSV files to the folder given, or under a timestamped folder, and prints the paths", async () => {
    const target = join(dir, "given");
    const out = await drive([
      "status",
      "as bob",
      "volunteer python --cap 2",
      "as alice",
      "request python -- how to start",
      `admin export ${target}`,
    ]);
    expect(out).toContain(`Saved to:\n   ${join(target, "members.csv")}`);
    const members = parseCsv(readFileSync(join(target, "members.csv"), "utf8"));
    expect(members[0]?.[0]).toBe("member_id");
    expect(
      members
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(["alice", "bob"]);
    const [reqHeader = [], firstRequest = []] = parseCsv(readFileSync(join(target, "requests.csv"), "utf8"));
    expect(firstRequest[reqHeader.indexOf("goals")]).toBe("how to start");
    expect(firstRequest[reqHeader.indexOf("seeker_name")]).toBe("alice");

    const root = join(dir, "root");
    const out2 = await drive(["admin export --notes"], { exportRoot: root });
    expect(out2).toContain("Feedback notes are included");
    const [stamp] = readdirSync(root);
    expect(stamp).toBe("2026-11-23T08-00-00-000Z");
    expect(existsSync(join(root, stamp ?? "", "chats.csv"))).toBe(true);
  });

  it("forget-me asks first, then confirms what was removed", async () => {
    const out = await drive([
      "as bob",
      "volunteer python --cap 2",
      "availability mon-fri 9-17 Europe/Berlin",
      "forget-me",
      "forget-me yes",
      "status",
    ]);
    expect(out).toContain("This erases what Percolate knows about you here");
    expect(out).toContain('Nothing changes until you confirm: "forget-me yes".');
    expect(out).toContain("Done — you've been forgotten. Removed: your volunteer profile, your availability (5 weekly window(s))");
    expect(out).toMatch(/bob> status\nbob · UTC/);
  });
});

describe("export paths typed in the shell (finding 7)", () => {
  it("refuses a null byte or a file in the way with a message, writes nothing, and the shell goes on", async () => {
    const blocker = join(dir, "blocker");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(blocker, "a file, not a folder");
    const out = await drive(["status", `admin export ${join(dir, "nul\u0000byte")}`, `admin export ${join(blocker, "inside")}`, "status"]);
    expect(out).toContain(`isn't a folder name (it has a control character in it). Usage: "admin export [--notes] [<folder>]"`);
    expect(out).toContain(`I couldn't save the export to "${join(blocker, "inside")}": part of that path is a file, not a folder.`);
    expect(out).not.toContain("Exported members.csv");
    expect(out.match(/alice · UTC/g)).toHaveLength(2);
    expect(existsSync(join(dir, "nul"))).toBe(false);
  });
});
