// Instants are ISO-8601 strings passed in by the caller; the domain never reads a clock.

const HOUR_MS = 60 * 60 * 1000;

/** Milliseconds since the epoch for an ISO instant, or null when the text is not a date. */
export function parseInstant(iso: string): number | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** The ISO instant `hours` after `iso` (which must be valid). */
export function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();
}

/** True when instant `a` is strictly before instant `b`. */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
