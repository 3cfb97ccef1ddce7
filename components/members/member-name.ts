/** "Asha Rao", or null when the member has no name on file. */
export function memberName(m: { firstName: string | null; lastName: string | null }): string | null {
  return [m.firstName, m.lastName].filter(Boolean).join(" ") || null;
}
