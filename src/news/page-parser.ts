import { Worker, type WorkerOptions } from "node:worker_threads";
import type { PageArticle } from "./article-text.js";

/** A page parsed into its article (null: none found), or why it could not be. */
export type ParseOutcome =
  | { ok: true; article: PageArticle | null }
  | { ok: false; code: "NEWS_FETCH_PARSE_TIMEOUT" | "NEWS_FETCH_PARSE_FAILED"; detail: string };

/** Parses pages with Readability in a worker thread, one at a time, each within a time limit. */
export interface PageParser {
  /** Never rejects: a timeout, a crash or an out-of-memory worker come back as `ok: false`. */
  parse(html: string): Promise<ParseOutcome>;
  /** Ends the worker; pages asked for afterwards start a new one. */
  close(): Promise<void>;
}

export interface PageParserOptions {
  /** Time one page may take; past it the worker is terminated. Default 5 s. */
  timeoutMs?: number;
  /** The worker's heap: a page that needs more kills the worker, not the process. Default 256 MB. */
  maxHeapMb?: number;
}

/** Loading linkedom and Readability (and, under tsx, compiling them) is not the page's time. */
const STARTUP_TIMEOUT_MS = 30_000;

interface Task {
  id: number;
  html: string;
  resolve(outcome: ParseOutcome): void;
  timer?: NodeJS.Timeout;
  /** Posted to the worker: its time limit runs. */
  sent: boolean;
}

/**
 * A PageParser on one worker thread, started on first use and replaced when it is terminated or dies.
 * The worker is unref'd: an idle parser never keeps the process alive, and a shutdown need not close it.
 */
export function createPageParser(opts: PageParserOptions = {}): PageParser {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxHeapMb = opts.maxHeapMb ?? 256;
  const queue: Task[] = [];
  let worker: Worker | null = null;
  let ready = false;
  let current: Task | null = null;
  let nextId = 0;

  const finish = (task: Task, outcome: ParseOutcome) => {
    clearTimeout(task.timer);
    if (current === task) current = null;
    task.resolve(outcome);
    next();
  };
  /** Drops the worker (terminating it) and fails the page it was on. */
  const kill = (detail: string, code: "NEWS_FETCH_PARSE_TIMEOUT" | "NEWS_FETCH_PARSE_FAILED") => {
    const w = worker;
    worker = null;
    ready = false;
    void w?.terminate();
    if (current) finish(current, { ok: false, code, detail });
  };
  const start = (): Worker => {
    const w = spawnWorker({
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    w.unref();
    w.on("message", (m: { ready?: true; id?: number; article?: PageArticle | null; error?: string }) => {
      if (w !== worker) return;
      if (m.ready) {
        ready = true;
        return next();
      }
      if (!current || m.id !== current.id) return;
      finish(
        current,
        m.error === undefined
          ? { ok: true, article: m.article ?? null }
          : {
              ok: false,
              code: "NEWS_FETCH_PARSE_FAILED",
              detail: `Readability failed: ${m.error.slice(0, 200)}`,
            },
      );
    });
    w.on("error", (err) => {
      if (w === worker)
        kill(`parser worker crashed: ${err.message.slice(0, 200)}`, "NEWS_FETCH_PARSE_FAILED");
    });
    w.on("exit", (code) => {
      if (w === worker) kill(`parser worker exited (${code})`, "NEWS_FETCH_PARSE_FAILED");
    });
    return w;
  };
  function next() {
    current ??= queue.shift() ?? null;
    const task = current;
    if (!task || task.sent) return;
    if (!worker) {
      worker = start();
      task.timer = setTimeout(
        () => kill("parser worker did not start", "NEWS_FETCH_PARSE_FAILED"),
        STARTUP_TIMEOUT_MS,
      );
      return;
    }
    if (!ready) return;
    clearTimeout(task.timer);
    task.sent = true;
    task.timer = setTimeout(
      () => kill(`parsing took over ${timeoutMs} ms`, "NEWS_FETCH_PARSE_TIMEOUT"),
      timeoutMs,
    );
    worker.postMessage({ id: task.id, html: task.html });
  }

  return {
    parse(html) {
      return new Promise((resolve) => {
        queue.push({ id: nextId++, html, resolve, sent: false });
        next();
      });
    },
    async close() {
      const w = worker;
      worker = null;
      ready = false;
      await w?.terminate();
    },
  };
}

/**
 * The worker: the compiled .js beside this file, or under tsx (dev, tests) the .ts source, loaded
 * through tsx's loader since a worker does not inherit the parent's.
 */
function spawnWorker(options: WorkerOptions): Worker {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return new Worker(new URL("./page-parse-worker.js", here), options);
  const target = JSON.stringify(new URL("./page-parse-worker.ts", here).href);
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${target}); })`;
  return new Worker(boot, { ...options, eval: true });
}

let shared: PageParser | null = null;
/** The process's parser, shared by every page reader: one worker, whatever the number of readers. */
export function sharedPageParser(): PageParser {
  shared ??= createPageParser();
  return shared;
}
