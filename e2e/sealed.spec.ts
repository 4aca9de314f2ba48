// Encryption at rest (issue #5): the desk's IndexedDB files in the browser
// profile, read without the key, hold none of the sealed fields' values
// (birth dates, e-mail addresses, mobile numbers) while the fields the desk
// searches by are there. The file scan is plain bytes, as a finder of a
// lost laptop would read them.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type KillableBrowser, launchKillableChromium } from './browserProcess';
import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
};

const column = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

test('the stored database files hold no birth date, e-mail or mobile number in the clear', async ({
  host,
}, testInfo) => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'racedesk-sealed-'));
  let browser: KillableBrowser | null = null;
  try {
    browser = await launchKillableChromium(profile);
    const desk = new DeskPage(browser.page, host.url);
    await desk.open();
    const file = await writeExportFile(testInfo.outputPath('sealed.xlsx'), 60);
    await desk.importFile(file.path, 'Forseglet', 60);
    await browser.kill();
    browser = null;

    const { headers, rows } = file.table;
    // Birth dates as the desk stores them (yyyy-mm-dd).
    const iso = (date: string) => date.split('.').reverse().join('-');
    const secrets = rows.flatMap(({ cells }) =>
      [
        column(headers, cells, 'E-post'),
        column(headers, cells, 'Mobil'),
        iso(column(headers, cells, 'Fødselsdato')),
      ].filter((value) => value.length >= 6),
    );
    const names = rows.map(({ cells }) => column(headers, cells, 'Etternavn'));
    const idb = (await filesUnder(profile)).filter((path) =>
      path.includes('IndexedDB'),
    );
    const bytes = Buffer.concat(await Promise.all(idb.map((p) => readFile(p))));
    // IndexedDB stores strings as Latin-1 or UTF-16: look for both.
    const contains = (value: string) =>
      bytes.includes(Buffer.from(value, 'latin1')) ||
      bytes.includes(Buffer.from(value, 'utf16le'));

    expect(idb.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(20);
    // The scan can see stored text: most surnames are found.
    expect(names.filter(contains).length).toBeGreaterThan(names.length / 2);
    expect(secrets.filter(contains)).toEqual([]);
  } finally {
    await browser?.kill();
    await rm(profile, { recursive: true, force: true });
  }
});
