/**
 * Fuzzed lines typed into the console chat: random unicode, control characters, very long strings,
 * behind real command names or none. Every non-blank line must get a reply, without an exception, in time.
 */
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";
import { consoleProbe } from "./console-probe.js";

const COMMANDS = [
  "/watch",
  "/unwatch",
  "/follow",
  "/unfollow",
  "/list",
  "/latest",
  "/digest",
  "/quiet",
  "/lang",
  "/help",
  "",
];
const ALPHABETS = [
  [0x00, 0x1f], // control characters
  [0x20, 0x7e],
  [0xa0, 0x24f], // accents
  [0x300, 0x36f], // combining marks
  [0x400, 0x4ff],
  [0x202a, 0x202e], // bidi overrides
  [0x1f300, 0x1f6ff], // emoji
  [0xd800, 0xdfff], // lone surrogates
] as const;

function randomText(maxLen: number): string {
  const len =
    Math.random() < 0.1 ? 5000 + Math.floor(Math.random() * 20_000) : Math.floor(Math.random() * maxLen);
  let s = "";
  for (let i = 0; i < len; i++) {
    const [a, b] = ALPHABETS[Math.floor(Math.random() * ALPHABETS.length)]!;
    const cp = a + Math.floor(Math.random() * (b - a + 1));
    s += cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(cp);
  }
  return s;
}

export interface FuzzFigures {
  lines: number;
  unanswered: number;
  threw: number;
  slowestMs: number;
}

export async function fuzzCommands(redisUrl: string, lines: number, timeoutMs: number): Promise<FuzzFigures> {
  const prefix = `{chaos-fuzz-${process.pid}}`;
  const probe = consoleProbe(redisUrl, prefix, timeoutMs);
  const f: FuzzFigures = { lines: 0, unanswered: 0, threw: 0, slowestMs: 0 };
  try {
    for (let i = 0; i < lines; i++) {
      const cmd = COMMANDS[Math.floor(Math.random() * COMMANDS.length)]!;
      const line = `${cmd}${Math.random() < 0.5 ? " " : ""}${randomText(300)}`;
      if (!line.trim()) continue; // a blank line gets no reply by design
      f.lines++;
      const r = await probe.type(line);
      f.slowestMs = Math.max(f.slowestMs, r.ms);
      if (r.threw) f.threw++;
      if (!r.answered) f.unanswered++;
    }
  } finally {
    await probe.close((app) => deleteKeysByPrefix(app.redis, prefix));
  }
  return f;
}
