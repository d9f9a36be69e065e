import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root: the nearest folder above this module that holds package.json.
 * Works the same from src/ under tsx and from dist/src/ in the image.
 */
export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`package.json not found above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
})();

/** Absolute path of a file shipped in data/. */
export function dataPath(...parts: string[]): string {
  return join(projectRoot, "data", ...parts);
}
