/** The page sizes lists offer; 25 is the default and is left out of URLs. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
