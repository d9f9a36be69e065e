import { spawn } from "node:child_process";

/** What the delivery benches print about the hog. */
export const CPU_HOG_NOTE = "a CPU-bound process (busy loop) ran beside it throughout";

/**
 * Runs `fn` with a CPU-bound child process (a busy loop) beside it, killed when `fn` settles: pacing has
 * to hold its limits and its rate while another process takes a core, as on a busy host.
 */
export async function withCpuHog<T>(fn: () => Promise<T>): Promise<T> {
  const child = spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  try {
    return await fn();
  } finally {
    kill();
    process.off("exit", kill);
  }
}
