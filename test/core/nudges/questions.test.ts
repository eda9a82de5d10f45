import { describe, expect, it } from "vitest";
import { mainGoal, PREP_QUESTIONS, questionsFor, thankYouDraft } from "../../../src/core/nudges/questions.js";

describe("prep questions", () => {
  it("has all seven of DESIGN.md §1, including resources and who else to talk to", () => {
    const all = questionsFor("").map((q) => q.question);
    expect(all).toHaveLength(7);
    expect(all).toEqual(PREP_QUESTIONS.map((q) => q.question));
    expect(all).toContain("Which resources are worth a beginner's time, and which are not?");
    expect(all).toContain("Who else would you suggest I talk to?");
  });

  it("puts the questions that fit the goals first and drops none", () => {
    const q = questionsFor("meet people in the community and find a mentor").map((x) => x.question);
    expect(q[0]).toBe("Who else would you suggest I talk to?");
    expect(new Set(q).size).toBe(7);
    const start = questionsFor("where to start as a beginner").map((x) => x.question);
    expect(start.slice(0, 2)).toEqual([
      "If you were starting today with zero experience, how would you begin?",
      "Which resources are worth a beginner's time, and which are not?",
    ]);
  });
});

describe("the thank-you draft", () => {
  it("names one goal, worded to follow 'about'", () => {
    expect(mainGoal("learn how data engineering teams work")).toBe("how data engineering teams work");
    expect(mainGoal("To understand the path into UX research; portfolio tips")).toBe("the path into UX research");
    expect(mainGoal("1. career advice 2. which courses")).toBe("career advice");
    expect(mainGoal("  ")).toBe("");
    expect(thankYouDraft("ken", "learn how data engineering teams work")).toMatch(
      /^Hi ken, thank you for taking the time to talk with me about how data engineering teams work\. /,
    );
    expect(thankYouDraft("ken", "")).toMatch(/^Hi ken, thank you for taking the time to talk with me\. /);
  });
});
