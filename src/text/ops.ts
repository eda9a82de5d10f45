/** The answer to any command while the database cannot take writes: nothing changed, come back soon. */
export const STORE_UNAVAILABLE =
  "I can't save anything just now — my database is having trouble, so nothing you sent was changed. Please try again in a minute.";
