/**
 * iCalendar (RFC 5545) for calendars people subscribe to (events, consultation deadlines): text values escaped (§3.3.11), lines folded at 75 octets
 * without splitting a UTF-8 character (§3.1), CRLF line ends, times in UTC.
 */
export interface CalendarEntry {
  uid: string;
  title: string;
  description: string;
  /** Empty: no LOCATION line. */
  location: string;
  url: string;
  startsAt: Date;
  /** Without it the entry is a moment (a deadline): it ends when it starts (RFC 5545 §3.6.1). */
  endsAt?: Date;
  updatedAt: Date;
  cancelled: boolean;
}

function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** 20261203T083000Z */
function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Folds a content line: at most 75 octets per physical line, continuations start with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** A VCALENDAR holding the entries; `name` titles the feed in calendar apps. */
export function calendar(name: string, entries: CalendarEntry[], now: Date = new Date()): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sharek//Calendar//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  for (const e of entries) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${utc(now)}`,
      `LAST-MODIFIED:${utc(e.updatedAt)}`,
      `DTSTART:${utc(e.startsAt)}`,
      ...(e.endsAt ? [`DTEND:${utc(e.endsAt)}`] : []),
      `SUMMARY:${escapeText(e.title)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      `URL:${e.url}`,
      `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
