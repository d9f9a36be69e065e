import { parentPort } from "node:worker_threads";
import { extractArticle } from "./article-text.js";

/**
 * The worker side of PageParser: one page in, its article (or null, or the error) out. Runs in a
 * worker thread so that a page which takes long or much memory to parse costs that thread, which the
 * main thread can terminate, and never the event loop that answers chats and renews job locks.
 */
parentPort?.on("message", ({ id, html }: { id: number; html: string }) => {
  try {
    parentPort?.postMessage({ id, article: extractArticle(html) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
});

// Sent once the modules above are loaded, so that loading them is not counted against the first page.
parentPort?.postMessage({ ready: true });
