/** The longest /pause: past it a fan has forgotten, and /resume is there for open-ended pauses. */
const MAX_MS = 30 * 86_400_000;

const UNITS: [RegExp, number][] = [
  [/^(m|min|mins|minut[oi]|minutes?)$/, 60_000],
  [/^(h|hr|hrs|ore|ora|hours?)$/, 3_600_000],
  [/^(d|g|gg|giorn[oi]|days?)$/, 86_400_000],
];

/** "2h", "30 min", "3d", "1 giorno" → milliseconds; null for anything else or past 30 days. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,4})\s*([a-z]+)$/i.exec(text.trim());
  if (!m) return null;
  const unit = UNITS.find(([re]) => re.test(m[2]!.toLowerCase()));
  const ms = unit ? Number(m[1]) * unit[1] : 0;
  return ms > 0 && ms <= MAX_MS ? ms : null;
}
