/**
 * Open questions that make an informational interview count (DESIGN.md §1): career path and
 * turning points, industry trends and skills, direct advice — including which resources are
 * worth a beginner's time and who else to talk to. The prep nudge offers all of them, those
 * that fit the seeker's goals first (see `questionsFor`). `cues` are the words in a goal that
 * make a question fit it.
 */
export const PREP_QUESTIONS: readonly { topic: string; question: string; cues: readonly string[] }[] = [
  {
    topic: "career path",
    question: "How did you get into this field, and what were the turning points?",
    cues: ["career", "path", "switch", "move", "transition", "into", "background", "journey", "change"],
  },
  {
    topic: "career path",
    question: "What does a typical week look like for you?",
    cues: ["day", "week", "daily", "role", "job", "work", "teams", "team", "like"],
  },
  {
    topic: "industry trends",
    question: "Which skills are rising in your field right now, and which are fading?",
    cues: ["skill", "skills", "learn", "tools", "stack", "trend", "trends", "technologies"],
  },
  {
    topic: "industry trends",
    question: "What is changing in the industry that newcomers tend to miss?",
    cues: ["industry", "market", "future", "changing", "trend", "trends", "ai"],
  },
  {
    topic: "direct advice",
    question: "If you were starting today with zero experience, how would you begin?",
    cues: ["start", "started", "starting", "begin", "beginner", "first", "break", "entry", "junior"],
  },
  {
    topic: "direct advice",
    question: "Which resources are worth a beginner's time, and which are not?",
    cues: ["resource", "resources", "book", "books", "course", "courses", "read", "study", "learn", "learning", "beginner"],
  },
  {
    topic: "direct advice",
    question: "Who else would you suggest I talk to?",
    cues: ["people", "network", "meet", "contacts", "community", "who", "mentor", "connect"],
  },
];

const words = (text: string): Set<string> => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * Every prep question, the ones whose cues appear in the seeker's goals first (most cues
 * matched first), the rest in their usual order. None is ever dropped.
 */
export function questionsFor(goals: string): { topic: string; question: string }[] {
  const said = words(goals);
  return PREP_QUESTIONS.map((q, i) => ({ q, i, fit: q.cues.filter((c) => said.has(c)).length }))
    .sort((a, b) => b.fit - a.fit || a.i - b.i)
    .map(({ q }) => ({ topic: q.topic, question: q.question }));
}

/** Verbs people open a goal with that read badly after "talk with me about". */
const LEAD_VERBS =
  /^(?:i\s+(?:want|would like|'d like)\s+to\s+)?(?:to\s+)?(?:learn(?:ing)?(?:\s+about)?|understand(?:ing)?|find(?:ing)?\s+out(?:\s+about)?|know(?:\s+about)?|explore|exploring|get\s+advice\s+on|hear\s+about|discuss)\s+/i;

/**
 * The one goal a thank-you should name: the first of the seeker's goals (they are often a
 * list), without its leading "learn"/"understand", so it reads after "about".
 */
export function mainGoal(goals: string): string {
  const first = goals.split(/[;\n•]+|\s+\d+[.)]\s+|^\s*\d+[.)]\s+/).find((g) => g.trim()) ?? "";
  return first
    .trim()
    .replace(LEAD_VERBS, "")
    .replace(/[.!\s]+$/, "")
    .trim();
}

/**
 * A thank-you draft for the seeker to edit: short, specific, sent within a day, naming one
 * goal. The placeholders in brackets are where the one insight and the next step go.
 */
export function thankYouDraft(volunteerName: string, goals: string): string {
  const goal = mainGoal(goals);
  return [
    `Hi ${volunteerName}, thank you for taking the time to talk with me${goal ? ` about ${goal}` : ""}.`,
    `The thing that stuck with me most was [one specific insight from our chat].`,
    `I'm going to [one next step you'll take] — I'll let you know how it goes.`,
  ].join(" ");
}
