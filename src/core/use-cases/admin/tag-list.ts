import { DEFAULT_ALIASES, normalizeTag, slugify } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

/** One topic in use, with everyone who carries it. */
export interface TopicUse {
  tag: string;
  volunteers: number;
  seekers: number;
  requests: number;
  /** Words that read as this topic: the community's aliases and the built-in ones. */
  aliases: string[];
}

export interface AdminTagListValue {
  /** Most people first (volunteers, then seekers, then requests), then by name. */
  topics: TopicUse[];
  /** The community's own aliases, `from → to`, which `admin tags unalias` can remove. */
  communityAliases: [string, string][];
  /** Built-in aliases still in force (a community alias of the same word replaces one). */
  builtInAliases: [string, string][];
}

/**
 * Every topic the community uses, with volunteers, seekers and requests on it (from the tag
 * counts the store keeps), and every alias that applies: what an admin needs before alias,
 * rename, merge or unalias.
 */
export async function adminTagList(deps: Deps, cmd: { actor: Actor }): Promise<Result<AdminTagListValue, "NOT_ADMIN">> {
  return asAdmin<AdminTagListValue, never>(deps, cmd.actor, "tags", async (tx, community) => {
    const own = community.settings.tagAliases;
    const communityAliases = Object.entries(own).sort(([a], [b]) => a.localeCompare(b));
    const builtInAliases = Object.entries(DEFAULT_ALIASES).filter(([from, to]) => from !== to && !Object.hasOwn(own, from));
    const aliasesOf = new Map<string, string[]>();
    for (const [from] of [...communityAliases, ...builtInAliases]) {
      const to = normalizeTag(from, own);
      if (to !== "" && to !== from) aliasesOf.set(to, [...(aliasesOf.get(to) ?? []), from]);
    }
    const topics = [...(await tx.tagCounts(community.id)).tags]
      .map(([tag, use]) => ({ tag, ...use, aliases: aliasesOf.get(tag) ?? [] }))
      .sort((a, b) => b.volunteers - a.volunteers || b.seekers - a.seekers || b.requests - a.requests || a.tag.localeCompare(b.tag));
    return ok({ topics, communityAliases, builtInAliases });
  });
}

export interface AdminUnaliasValue {
  /** The word that was an alias. */
  from: string;
  /** The topic it used to mean. */
  to: string;
  /** The built-in topic the word means again, when it is also a built-in alias. */
  builtIn: string | null;
}

/**
 * Removes one of the community's own aliases: typed later, the word reads as itself again (or
 * as its built-in meaning). Profiles and requests already moved by the alias keep their topic.
 * Built-in aliases cannot be removed, only pointed elsewhere with `admin tags alias`.
 */
export async function adminTagUnalias(
  deps: Deps,
  cmd: { actor: Actor; from: string },
): Promise<Result<AdminUnaliasValue, "NOT_ADMIN" | "NOT_AN_ALIAS" | "BUILT_IN_ALIAS">> {
  return asAdmin<AdminUnaliasValue, "NOT_AN_ALIAS" | "BUILT_IN_ALIAS">(deps, cmd.actor, "tags", async (tx, community) => {
    const own = community.settings.tagAliases;
    const key = [cmd.from.trim(), slugify(cmd.from)].find((k) => k !== "" && Object.hasOwn(own, k));
    const builtIn = (word: string): string | null => (Object.hasOwn(DEFAULT_ALIASES, word) ? (DEFAULT_ALIASES[word] ?? null) : null);
    if (key === undefined) {
      const slug = slugify(cmd.from);
      const target = builtIn(slug);
      return target === null ? fail("NOT_AN_ALIAS", { given: cmd.from }) : fail("BUILT_IN_ALIAS", { from: slug, to: target });
    }
    const to = own[key] ?? "";
    const rest = Object.fromEntries(Object.entries(own).filter(([k]) => k !== key));
    await tx.saveCommunity({ ...community, settings: { ...community.settings, tagAliases: rest } });
    return ok({ from: key, to, builtIn: builtIn(key) });
  });
}
