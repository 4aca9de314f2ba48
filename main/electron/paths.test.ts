import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, it } from 'vitest';

import { appPaths, isInside, isOwnPage } from './paths';

const paths = appPaths('/opt/racedesk/resources/app/dist/main');
const indexUrl = pathToFileURL(paths.rendererIndex).toString();

describe('appPaths', () => {
  it('puts the renderer next to the bundled main', () => {
    expect(paths.rendererIndex).toBe(
      '/opt/racedesk/resources/app/dist/renderer/index.html',
    );
    expect(paths.preload).toBe(
      '/opt/racedesk/resources/app/dist/main/preload.cjs',
    );
  });
});

describe('isInside', () => {
  it('accepts files below the folder', () => {
    expect(isInside(paths.rendererDir, join(paths.rendererDir, 'a/b.js'))).toBe(
      true,
    );
  });

  it('refuses files that climb out of the folder', () => {
    const outside = join(paths.rendererDir, '..', '..', 'secrets.txt');
    expect(isInside(paths.rendererDir, outside)).toBe(false);
    expect(isInside(paths.rendererDir, '/etc/passwd')).toBe(false);
  });

  it('refuses a sibling folder whose name starts the same', () => {
    expect(isInside(paths.rendererDir, `${paths.rendererDir}-evil/x.js`)).toBe(
      false,
    );
  });
});

describe('isOwnPage', () => {
  it('accepts our index.html with a hash or a query', () => {
    expect(isOwnPage(paths, indexUrl)).toBe(true);
    expect(isOwnPage(paths, `${indexUrl}#/check-in`)).toBe(true);
    expect(isOwnPage(paths, `${indexUrl}?desk=2`)).toBe(true);
  });

  it('refuses other files, remote pages and garbage', () => {
    const other = pathToFileURL(join(paths.rendererDir, 'other.html'));
    expect(isOwnPage(paths, other.toString())).toBe(false);
    expect(isOwnPage(paths, 'file:///tmp/index.html')).toBe(false);
    expect(isOwnPage(paths, 'https://example.com/index.html')).toBe(false);
    expect(isOwnPage(paths, 'about:blank')).toBe(false);
    expect(isOwnPage(paths, '')).toBe(false);
  });
});
