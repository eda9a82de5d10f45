import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_ALIASES, TagSchema, normalizeTag, parseTags, slugify } from "../../../src/core/domain/tags.js";

const isTagOrEmpty = (s: string): boolean => s === "" || TagSchema.safeParse(s).success;

/** Free text of every kind: arbitrary code points, tag-like words, and the punctuation slugify treats specially. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc
    .array(fc.constantFrom("a", "Z", "9", "-", ".", "+", "#", " ", "_", "/", "é", "ß", "İ", "ﬁ", "Ⅻ", "--", "..", "C++", "Node.js", "C#"), {
      maxLength: 25,
    })
    .map((xs) => xs.join("")),
  fc.string({ unit: fc.constantFrom(..."abc.-+# "), maxLength: 60 }),
);

describe("slugify", () => {
  it.each([
    ["Machine Learning", "machine-learning"],
    ["  UX   Design ", "ux-design"],
    ["C++", "c++"],
    ["C#", "c#"],
    ["Node.js", "node.js"],
    ["node.js.", "node.js"],
    ["Café Society", "cafe-society"],
    ["data_science", "data-science"],
    ["--Product / Management--", "product-management"],
    ["#hashtag", "hashtag"],
    ["...", ""],
    ["", ""],
    ["日本語", "日本語"],
    ["🎉!!", ""],
  ])("%j → %j", (input, out) => {
    expect(slugify(input)).toBe(out);
  });

  it("caps slugs at 40 characters without a trailing dash", () => {
    const s = slugify(`${"a".repeat(39)} b`);
    expect(s).toBe("a".repeat(39));
    expect(slugify("x".repeat(100))).toHaveLength(40);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(slugify(slugify(s))).toBe(slugify(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("returns a valid tag or the empty string", () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = slugify(s);
        expect(isTagOrEmpty(out), JSON.stringify({ s, out })).toBe(true);
        expect(out.length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("normalizeTag", () => {
  it("treats words that name Object.prototype members as plain tags", () => {
    expect(normalizeTag("constructor")).toBe("constructor");
    expect(normalizeTag("constructor", { js: "javascript" })).toBe("constructor");
    expect(parseTags("constructor valueOf")).toEqual(["constructor", "valueof"]);
  });

  it("resolves the default aliases", () => {
    expect(normalizeTag("ML")).toBe("machine-learning");
    expect(normalizeTag("JS")).toBe("javascript");
    expect(normalizeTag(" ts ")).toBe("typescript");
    expect(normalizeTag("Machine Learning")).toBe("machine-learning");
    expect(normalizeTag("C++")).toBe("c++");
    expect(normalizeTag("Node.js")).toBe("node.js");
    expect(normalizeTag("!!")).toBe("");
  });

  it("community aliases win over the defaults, and are slugged", () => {
    expect(normalizeTag("ml", { ml: "Machine Learning Ops" })).toBe("machine-learning-ops");
    expect(normalizeTag("K8s", { k8s: "kubernetes" })).toBe("kubernetes");
    expect(normalizeTag("kubernetes", { k8s: "kubernetes" })).toBe("kubernetes");
  });

  it("every default alias resolves to a valid tag that is not itself an alias of something else", () => {
    for (const [alias, target] of Object.entries(DEFAULT_ALIASES)) {
      const out = normalizeTag(alias);
      expect(out).toBe(target);
      expect(TagSchema.safeParse(out).success).toBe(true);
      expect(normalizeTag(out)).toBe(out);
    }
  });

  it("is idempotent and returns a valid tag or the empty string", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          fc.constantFrom(...Object.keys(DEFAULT_ALIASES)).map((a) => a.toUpperCase()),
        ),
        (s) => {
          const once = normalizeTag(s);
          expect(normalizeTag(once)).toBe(once);
          expect(isTagOrEmpty(once)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("parseTags", () => {
  it("commas separate multi-word tags; without commas, spaces do", () => {
    expect(parseTags("machine learning, UX")).toEqual(["machine-learning", "ux-design"]);
    expect(parseTags("ml js ts")).toEqual(["machine-learning", "javascript", "typescript"]);
    expect(parseTags("Machine Learning")).toEqual(["machine", "learning"]);
    expect(parseTags(["Machine Learning", "C++", "Node.js"])).toEqual(["machine-learning", "c++", "node.js"]);
    expect(parseTags("ML, machine learning, ml")).toEqual(["machine-learning"]);
    expect(parseTags(" , ,, ")).toEqual([]);
    expect(parseTags("")).toEqual([]);
    expect(parseTags("rust", { rust: "rust-lang" })).toEqual(["rust-lang"]);
  });

  const input = fc.oneof(
    text,
    fc
      .array(fc.oneof(text, fc.constantFrom(...Object.keys(DEFAULT_ALIASES), "Machine Learning", "C++", "node.js")), { maxLength: 8 })
      .map((xs) => xs.join(", ")),
    fc.array(text, { maxLength: 8 }),
  );

  it("returns unique valid tags", () => {
    fc.assert(
      fc.property(input, (s) => {
        const tags = parseTags(s);
        expect(new Set(tags).size).toBe(tags.length);
        for (const t of tags) expect(TagSchema.safeParse(t).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps input order: each tag is where its first mention was", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 10 }), (parts) => {
        const expected: string[] = [];
        for (const p of parts) {
          const t = normalizeTag(p);
          if (t !== "" && !expected.includes(t)) expected.push(t);
        }
        expect(parseTags(parts)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(input, (s) => {
        const tags = parseTags(s);
        expect(parseTags(tags)).toEqual(tags);
        expect(parseTags(tags.join(", "))).toEqual(tags);
      }),
      { numRuns: 1000 },
    );
  });
});
