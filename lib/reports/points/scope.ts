/**
 * The points dashboard covers one programme or the whole group. Rows of the whole group are kept
 * under this id (no programme has it), so a member counted for the group is counted once.
 */
export const GROUP_SCOPE = "00000000-0000-0000-0000-000000000000";

/** Grains as stored in report_member_counts. */
export const GRAIN_CODE = { day: 0, week: 1, month: 2 } as const;
