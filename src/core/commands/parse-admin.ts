import type { Parsed, ParseProblem } from "./types.js";

/** Turns a platform's member reference into a member id, or null (as in parse-text). */
type Resolve = (word: string) => string | null;

/**
 * Parses `admin <sub> …` into an admin command. Whether the person may run it is the core's
 * decision (use-cases/admin), not the parser's: everyone gets the same parse.
 */
export function parseAdmin(text: string, words: readonly string[], resolve: Resolve, usage: Record<string, string>): Parsed {
  const [subRaw = "", ...args] = words;
  const sub = subRaw.toLowerCase();
  const u = (k: string): string => usage[k] ?? k;
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: text, problem });
  const missing = (what: string, k: string): Parsed => bad({ code: "MISSING", what, usage: u(k) });
  switch (sub) {
    case "":
      return missing("which admin command", "admin");
    case "settings":
    case "setting":
    case "set": {
      if (args.length === 0) return { kind: "admin_settings" };
      const [key = "", ...value] = args;
      if (value.length === 0) return missing(`a value for ${key}`, "admin settings");
      return { kind: "admin_settings", set: { key, value: value.join(" ") } };
    }
    case "tags":
    case "tag": {
      const [op = "", from, to, ...extra] = args;
      const o = op.toLowerCase();
      if (o === "list" || (o === "" && args.length === 0)) return { kind: "admin_tags_list" };
      if (o === "unalias")
        return from && !to ? { kind: "admin_tags_unalias", from } : missing("the one alias to remove", "admin tags unalias");
      if (o !== "alias" && o !== "rename" && o !== "merge")
        return bad(
          op
            ? { code: "INVALID", what: "list, alias, unalias, rename or merge", given: op, usage: u("admin tags") }
            : { code: "MISSING", what: "list, alias, unalias, rename or merge", usage: u("admin tags") },
        );
      if (!from || !to || extra.length > 0)
        return missing("the tag to change and the tag it becomes (use dashes inside a tag: machine-learning)", "admin tags");
      return { kind: "admin_tags", op: o, from, to };
    }
    case "stats":
      return args[0] ? { kind: "admin_stats", period: args[0] } : { kind: "admin_stats" };
    case "export": {
      const includeNotes = args.some((a) => a.toLowerCase() === "--notes");
      const path = args
        .filter((a) => a.toLowerCase() !== "--notes")
        .join(" ")
        .trim();
      // A folder name holds no control characters (a null byte would reach the filesystem as-is).
      if ([...path].some((ch) => ch < " " || ch === "\u007f"))
        return bad({ code: "INVALID", what: "a folder name (it has a control character in it)", given: path, usage: u("admin export") });
      return { kind: "admin_export", includeNotes, ...(path ? { path } : {}) };
    }
    case "add":
    case "remove": {
      const who = args.join(" ").trim();
      if (!who) return missing("which member", `admin ${sub}`);
      const id = resolve(who);
      if (!id) return bad({ code: "INVALID", what: "a member", given: who, usage: u(`admin ${sub}`) });
      return sub === "add" ? { kind: "admin_add", memberId: id } : { kind: "admin_remove", memberId: id };
    }
    case "match":
      return { kind: "admin_match" };
    case "queue":
    case "waitlist":
      return { kind: "admin_queue" };
    default:
      return bad({
        code: "INVALID",
        what: "an admin command (settings, tags, stats, export, add, remove, match, queue)",
        given: subRaw,
        usage: u("admin"),
      });
  }
}
