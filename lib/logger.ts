import pino from "pino";

/** Structured JSON logs (pino). LOG_LEVEL sets the level; tests default to silent. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: process.env.COALITION_SERVICE ?? "web" },
});
