import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import type { Logger } from "../log.js";
import { loadSources, type Source, SourcesFileError } from "./sources.js";

/** What a new sources list changes, by source id. */
export interface SourcesDiff {
  added: string[];
  removed: string[];
  /** Listed in both, with another URL, name, language or interval. */
  changed: string[];
}

export function diffSources(before: readonly Source[], after: readonly Source[]): SourcesDiff {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Set(after.map((s) => s.id));
  const same = (a: Source, b: Source) =>
    a.url === b.url &&
    a.name === b.name &&
    a.language === b.language &&
    a.intervalSeconds === b.intervalSeconds;
  return {
    added: after.filter((s) => !old.has(s.id)).map((s) => s.id),
    removed: before.filter((s) => !now.has(s.id)).map((s) => s.id),
    changed: after.filter((s) => old.has(s.id) && !same(old.get(s.id)!, s)).map((s) => s.id),
  };
}

export interface SourcesWatch {
  /** Re-reads the file now; resolves once the new list is applied or refused. */
  reload(reason: string): Promise<void>;
  /** The list in force. */
  current(): Source[];
  close(): void;
}

/**
 * Re-reads the sources file when it changes and hands a valid new list to `apply`. The folder is
 * watched, not the file: editors save by writing a new file and renaming it over the old one, which a
 * watch on the file itself stops seeing. Bursts of events are debounced into one reload, and reloads
 * run one at a time. A file that does not load or validate changes nothing: the current list stays,
 * and one error line says what is wrong.
 */
export function watchSourcesFile(opts: {
  path: string;
  current: Source[];
  apply(sources: Source[]): Promise<void>;
  log: Logger;
  debounceMs?: number;
}): SourcesWatch {
  const { path, log } = opts;
  let current = opts.current;
  let chain = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  async function reloadNow(reason: string): Promise<void> {
    let next: Source[];
    try {
      next = loadSources(path);
    } catch (err) {
      const problems = err instanceof SourcesFileError ? err.problems : [String(err)];
      log.error(
        { file: path, reason, problems },
        `sources file not applied, keeping the ${current.length} current sources: ${problems.join("; ")}`,
      );
      return;
    }
    const diff = diffSources(current, next);
    if (!diff.added.length && !diff.removed.length && !diff.changed.length) {
      log.debug({ file: path, reason }, "sources file re-read, nothing changed");
      return;
    }
    try {
      await opts.apply(next);
    } catch (err) {
      // Redis away: the old list stays current, so the next change or SIGHUP tries again.
      log.error({ file: path, reason, err }, "sources file valid but not applied");
      return;
    }
    current = next;
    log.info({ file: path, reason, ...diff, sources: next.length }, "sources reloaded");
  }

  const reload = (reason: string) => {
    chain = chain.then(() => reloadNow(reason));
    return chain;
  };

  const name = basename(path);
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dirname(path), (_event, file) => {
      if (file && file !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload("file changed"), opts.debounceMs ?? 300);
    });
    watcher.on("error", (err) =>
      log.warn({ file: path, err }, "sources file watch failed; SIGHUP still reloads"),
    );
  } catch (err) {
    log.warn({ file: path, err }, "cannot watch the sources file; SIGHUP still reloads");
  }

  return {
    reload,
    current: () => current,
    close() {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
