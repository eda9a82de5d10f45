/**
 * Open questions that make an informational interview count (DESIGN.md §1): career path and
 * turning points, industry trends and skills, direct advice. The prep nudge offers these.
 */
export const PREP_QUESTIONS: readonly { topic: string; question: string }[] = [
  { topic: "career path", question: "How did you get into this field, and what were the turning points?" },
  { topic: "career path", question: "What does a typical week look like for you?" },
  { topic: "industry trends", question: "Which skills are rising in your field right now, and which are fading?" },
  { topic: "industry trends", question: "What is changing in the industry that newcomers tend to miss?" },
  { topic: "direct advice", question: "If you were starting today with zero experience, how would you begin?" },
  { topic: "direct advice", question: "Which resources are worth a beginner's time, and which are not?" },
  { topic: "direct advice", question: "Who else would you suggest I talk to?" },
];

/**
 * A thank-you draft for the seeker to edit: short, specific, sent within a day. The
 * placeholder in brackets is where the one insight they took away goes.
 */
export function thankYouDraft(volunteerName: string, goals: string): string {
  const topic = goals.trim() ? ` about ${goals.trim().replace(/[.\s]+$/, "")}` : "";
  return [
    `Hi ${volunteerName}, thank you for taking the time to talk with me${topic}.`,
    `The thing that stuck with me most was [one specific insight from our chat].`,
    `I'm going to [one next step you'll take] — I'll let you know how it goes.`,
  ].join(" ");
}
