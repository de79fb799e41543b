// When an inventory was taken: the only timestamp a plan may carry, so plans stay reproducible.

// RFC 3339 date-time with an explicit offset, or a calendar date. A time without a zone is refused:
// "10:00" means different moments to the collector and to whoever reads the change ticket.
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** Milliseconds since the epoch, or null when the text is not an RFC 3339 date-time or date. */
export function parseInventoryDate(text: string): number | null {
  const match = DATE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  // Date.UTC rolls 2026-02-30 over into March; compare back to refuse dates that do not exist.
  const calendar = new Date(Date.UTC(y, mo - 1, d));
  if (calendar.getUTCFullYear() !== y || calendar.getUTCMonth() !== mo - 1 || calendar.getUTCDate() !== d) return null;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 60)) return null;
  const time = Date.parse(hour === undefined ? `${year}-${month}-${day}T00:00:00Z` : text.replace(' ', 'T').toUpperCase());
  return Number.isNaN(time) ? null : time;
}

export const INVENTORY_DATE_EXPECTED = 'must be an RFC 3339 date-time with a zone (2026-11-20T09:30:00Z) or a date (2026-11-20)';
