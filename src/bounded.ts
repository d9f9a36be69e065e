/**
 * Waits for `p` at most `ms`: "done", "timeout", or the Error it rejected with. Never rejects, so a
 * shutdown step that fails or hangs cannot keep the next ones from running.
 */
export async function bounded(p: Promise<unknown>, ms: number): Promise<"done" | "timeout" | Error> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((r) => {
    timer = setTimeout(() => r("timeout"), Math.max(0, ms));
  });
  try {
    return await Promise.race([p.then(() => "done" as const), timeout]);
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  } finally {
    clearTimeout(timer);
  }
}
