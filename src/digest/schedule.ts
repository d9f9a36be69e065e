import { DateTime, IANAZone } from "luxon";

/** "09:00": a local time of day. */
export type LocalTime = string;

const HHMM = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** Parses "9:00", "09:00" or "09.00"; null when it is no time of day. */
export function parseLocalTime(s: string): LocalTime | null {
  const m = HHMM.exec(s.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : null;
}

/** Whether `zone` is an IANA time zone name luxon knows ("Europe/Rome"). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The instant `time` falls on a local calendar date in `zone`; a time that a DST jump skips moves later. */
function at(date: DateTime, time: LocalTime, zone: string): DateTime {
  const [h, m] = time.split(":").map(Number) as [number, number];
  // Built from the calendar date, so the result is on that date whatever the offset does that day:
  // luxon shifts a nonexistent 02:30 forward to 03:30 and resolves a repeated 01:30 to one instant.
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: h, minute: m },
    { zone },
  );
}

/**
 * The first digest time strictly after `after`, on the local calendar of `zone`. Daylight-saving days
 * get exactly one digest: on a day that skips the hour the digest moves an hour later, on a day that
 * repeats it one of the two instants is used (and the next digest is always the next calendar day's).
 */
export function nextDigestAt(time: LocalTime, zone: string, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone });
  let candidate = at(local.startOf("day"), time, zone);
  if (candidate.toMillis() <= after.getTime())
    candidate = at(local.startOf("day").plus({ days: 1 }), time, zone);
  return candidate.toJSDate();
}

/**
 * The digest after the one due at `due`: the next local calendar day at `time`, or later when the bot was
 * down for days (missed digests are caught up once, not once per missed day).
 */
export function followingDigestAt(time: LocalTime, zone: string, due: Date, now: Date): Date {
  const dueDay = DateTime.fromJSDate(due, { zone }).startOf("day");
  const next = at(dueDay.plus({ days: 1 }), time, zone);
  return next.toMillis() > now.getTime() ? next.toJSDate() : nextDigestAt(time, zone, now);
}

/** The local calendar date ("2026-03-29") of an instant in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/** Whether `instant` falls in the quiet hours from–to (local, may wrap midnight: 23:00–07:00). */
export function isQuiet(instant: Date, quiet: { from: LocalTime; to: LocalTime }, zone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  const minutes = local.hour * 60 + local.minute;
  const [fh, fm] = quiet.from.split(":").map(Number) as [number, number];
  const [th, tm] = quiet.to.split(":").map(Number) as [number, number];
  const from = fh * 60 + fm;
  const to = th * 60 + tm;
  if (from === to) return false;
  return from < to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** When the quiet hours that hold at `instant` end: the next local `to` time after it. */
export function quietEndsAt(instant: Date, quiet: { from: LocalTime; to: LocalTime }, zone: string): Date {
  return nextDigestAt(quiet.to, zone, instant);
}

/** A time zone as IANA spells it ("europe/rome" → "Europe/Rome"); the input when it is none. */
export function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}
