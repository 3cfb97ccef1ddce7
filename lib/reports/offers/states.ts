/** The states of a fulfilment's lifecycle, in the order reports show them: pending → posted | failed, posted → reversed. */
export const FULFILMENT_STATES = ["pending", "posted", "failed", "reversed"] as const;
export type FulfilmentState = (typeof FULFILMENT_STATES)[number];

export const STATE_LABELS: Record<FulfilmentState, string> = { pending: "Pending", posted: "Posted", failed: "Failed", reversed: "Reversed" };
