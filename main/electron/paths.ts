// Where the built app lives. main.cjs and preload.cjs are bundled into
// dist/main/, the renderer into dist/renderer/ (see scripts/build-main.mjs).

import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type AppPaths = {
  rendererDir: string;
  rendererIndex: string;
  preload: string;
};

/** `mainDir` is the folder of the running main.cjs (its __dirname). */
export const appPaths = (mainDir: string): AppPaths => {
  const rendererDir = resolve(mainDir, '..', 'renderer');
  return {
    rendererDir,
    rendererIndex: join(rendererDir, 'index.html'),
    preload: join(mainDir, 'preload.cjs'),
  };
};

/** True when `path` is `dir` or lies below it. */
export const isInside = (dir: string, path: string): boolean => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/** True when a frame's URL is our own index.html (any hash or query). */
export const isOwnPage = (paths: AppPaths, url: string): boolean => {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'file:' &&
      resolve(fileURLToPath(parsed)) === paths.rendererIndex
    );
  } catch {
    return false;
  }
};
