import { USAGE, type Parsed, type ParseProblem } from "../core/commands/index.js";
import { memberIdOf } from "./ids.js";
import type { Options } from "./parse.js";

/**
 * `/coffee admin <sub>` and its options into the same admin command the shell's
 * `parseText("admin …")` produces. Whether the person may run it is the core's decision.
 */
export function parseAdminSlash(sub: string, opts: Options, guildId: string): Parsed {
  const o = (name: string): string | undefined => {
    const v = opts[name];
    const s = v === undefined ? "" : String(v).trim();
    return s === "" ? undefined : s;
  };
  const key = `admin ${sub}`;
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: `/coffee ${key}`, problem });
  const missing = (what: string): Parsed => bad({ code: "MISSING", what, usage: USAGE[key] ?? USAGE.admin ?? key });
  switch (sub) {
    case "settings": {
      const k = o("key");
      const value = o("value");
      if (!k) return value ? missing("key: the setting to change") : { kind: "admin_settings" };
      return value ? { kind: "admin_settings", set: { key: k, value } } : missing(`value: a value for ${k}`);
    }
    case "tags": {
      const op = o("op")?.toLowerCase();
      const from = o("from");
      const to = o("to");
      if (op === "list") return { kind: "admin_tags_list" };
      if (op === "unalias") return from ? { kind: "admin_tags_unalias", from } : missing("from: the alias to remove");
      if (op !== "alias" && op !== "rename" && op !== "merge")
        return bad({ code: "INVALID", what: "list, alias, unalias, rename or merge", given: op ?? "", usage: USAGE[key] ?? key });
      if (!from || !to) return missing("from: and to: — the tag to change and the tag it becomes");
      return { kind: "admin_tags", op, from, to };
    }
    case "stats": {
      const period = o("period");
      return period ? { kind: "admin_stats", period } : { kind: "admin_stats" };
    }
    case "export":
      return { kind: "admin_export", includeNotes: opts.notes === true };
    case "add":
    case "remove": {
      const user = o("member");
      if (!user || !/^\d{1,22}$/.test(user)) return missing("member: who");
      const memberId = memberIdOf(guildId, user);
      return sub === "add" ? { kind: "admin_add", memberId } : { kind: "admin_remove", memberId };
    }
    case "match":
      return { kind: "admin_match" };
    case "queue":
      return { kind: "admin_queue" };
    default:
      return bad({
        code: "INVALID",
        what: "an admin command (settings, tags, stats, export, add, remove, match, queue)",
        given: sub,
        usage: USAGE.admin ?? "admin",
      });
  }
}
