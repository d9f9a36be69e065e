/** Worker processes of the chaos run: started with tsx, killed with SIGKILL, restarted. */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../src/paths.js";

export const ROLES = ["ingest", "fanout", "deliver"] as const;
export type Role = (typeof ROLES)[number];

/** How long a worker may take to start (tsx, the gazetteer) before the run gives up on it. */
const START_TIMEOUT_MS = 20_000;

export interface Workers {
  kill(role: Role): Promise<void>;
  restart(role: Role): Promise<void>;
  stopAll(): Promise<void>;
}

export async function startWorkers(env: NodeJS.ProcessEnv, logDir: string): Promise<Workers> {
  const procs = new Map<Role, ChildProcess>();
  const logs = new Map<Role, WriteStream>();
  const start = (role: Role) =>
    new Promise<void>((resolve, reject) => {
      const log = logs.get(role) ?? createWriteStream(join(logDir, `${role}.log`), { flags: "a" });
      logs.set(role, log);
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/chaos/worker.ts"], {
        cwd: projectRoot,
        env: { ...env, CHAOS_ROLE: role },
        stdio: ["ignore", "pipe", "pipe"],
      });
      procs.set(role, child);
      child.stderr?.pipe(log, { end: false });
      const timer = setTimeout(() => reject(new Error(`${role} worker did not start`)), START_TIMEOUT_MS);
      child.stdout?.on("data", (d: Buffer) => {
        if (d.toString().includes("ready")) {
          clearTimeout(timer);
          resolve();
        }
      });
      // Killed before it was ready (the next kill came first): it is gone, and a new one starts with the
      // next restart, so nobody waits for it.
      child.on("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  const kill = async (role: Role) => {
    const child = procs.get(role);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await gone;
  };
  await Promise.all(ROLES.map(start));
  return {
    kill,
    restart: start,
    async stopAll() {
      await Promise.all(ROLES.map(kill));
      for (const l of logs.values()) l.end();
    },
  };
}
