/**
 * The scheduler role's sources: one job scheduler each, the list stored for `cli sources`, and the
 * sources file re-read on change (main.ts adds SIGHUP) without a restart.
 */
import { resolve } from "node:path";
import type { App } from "./app.js";
import { createActiveSourcesStore } from "./news/active-sources.js";
import type { Source } from "./news/sources.js";
import { type SourcesWatch, watchSourcesFile } from "./news/sources-watch.js";
import { projectRoot } from "./paths.js";
import { scheduleSources } from "./pipeline.js";

export async function startSourceSchedules(
  app: App,
  opts: { path?: string; debounceMs?: number } = {},
): Promise<SourcesWatch> {
  const file = opts.path ?? resolve(projectRoot, app.config.SOURCES_FILE);
  const active = createActiveSourcesStore(app.redis, app.keys);
  const apply = async (sources: Source[]) => {
    await scheduleSources(app.queues, sources, app.config.POLL_INTERVAL_SECONDS);
    await active.save(sources, { file, at: new Date() });
  };
  await apply(app.sources);
  return watchSourcesFile({
    path: file,
    current: app.sources,
    apply,
    log: app.log,
    ...(opts.debounceMs !== undefined ? { debounceMs: opts.debounceMs } : {}),
  });
}
