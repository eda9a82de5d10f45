import { FeedbackSchema, type Feedback } from "../../core/domain/index.js";
import type { Feedback as FeedbackRow } from "../generated/sqlite/client.js";
import { parseRow } from "./json.js";

/** Feedback as a `feedback` row (all scalar). */
export const feedbackToRow = (f: Feedback): FeedbackRow => ({
  communityId: f.communityId,
  id: f.id,
  chatId: f.chatId,
  fromId: f.fromId,
  aboutId: f.aboutId,
  rating: f.rating,
  note: f.note,
  createdAt: f.createdAt,
});

/** A `feedback` row back as validated Feedback. */
export const feedbackFromRow = (r: FeedbackRow): Feedback => parseRow(FeedbackSchema, r, `feedback(${r.communityId}, ${r.id})`);
