/**
 * A community's tag vocabulary with skewed popularity: a few tags (the head of the list) are
 * asked for and offered often, a long tail rarely — Zipf with exponent 1, as real topic
 * popularity tends to be. The head is real topics; the tail gets numbered names.
 */
import { cdfRank, vocabFor, zipfCdf } from "./synth.js";

/** Popular topics first: these make the head of the Zipf distribution. */
const HEAD = [
  "software-engineering",
  "product-management",
  "data-science",
  "ux-design",
  "machine-learning",
  "career-change",
  "frontend",
  "backend",
  "devops",
  "engineering-management",
  "marketing",
  "sales",
  "startups",
  "fundraising",
  "security",
  "cloud",
  "mobile",
  "ux-research",
  "analytics",
  "leadership",
  "open-source",
  "developer-relations",
  "technical-writing",
  "qa-testing",
  "hiring",
  "freelancing",
  "game-development",
  "embedded-systems",
  "finance",
  "consulting",
  "public-speaking",
  "accessibility",
  "blockchain",
  "healthcare",
  "education",
  "climate-tech",
  "robotics",
  "data-engineering",
  "site-reliability",
  "design-systems",
];

/** A tag vocabulary of `size` slugs and a seeded Zipf sampler over it. */
export class Vocabulary {
  readonly tags: string[];
  private readonly cdf: Float64Array;

  constructor(size: number) {
    this.tags = Array.from({ length: size }, (_, i) => HEAD[i] ?? `topic-${i + 1}`);
    this.cdf = zipfCdf(size);
  }

  /** The vocabulary a community of `members` uses (grows like √members, see synth.ts). */
  static forMembers(members: number): Vocabulary {
    return new Vocabulary(vocabFor(members));
  }

  /** One tag, popular ones likelier. */
  draw(rand: () => number): string {
    return this.tags[cdfRank(this.cdf, rand())] as string;
  }

  /** `k` distinct tags. */
  some(rand: () => number, k: number): string[] {
    const out = new Set<string>();
    while (out.size < Math.min(k, this.tags.length)) out.add(this.draw(rand));
    return [...out];
  }
}

const GOALS = [
  "how you moved into this field and what you would do differently",
  "which skills are rising and which are fading",
  "how to start with zero experience and which resources are worth it",
  "what a typical week looks like and how teams are organised",
  "how to prepare a portfolio that gets read",
  "how to grow from individual contributor to lead",
];

/** A seeker's goals for a chat: one to three concrete questions. */
export function drawGoals(rand: () => number): string {
  const n = 1 + Math.floor(rand() * 3);
  const start = Math.floor(rand() * GOALS.length);
  return Array.from({ length: n }, (_, i) => GOALS[(start + i) % GOALS.length]).join("; ");
}
