// Encryption at rest (issue #5): the desk's IndexedDB files in the browser
// profile, read without the keys, hold none of the sealed fields' values
// (names, birth dates, e-mail addresses, mobile numbers) while the event's
// name, which is not sealed, is there, and the desk still finds people by
// name. The file scan is plain bytes, as a finder of a lost laptop would
// read them.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type KillableBrowser, launchKillableChromium } from './browserProcess';
import { fullName, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { bytesHoldValue, filesUnder } from './storedData';

const column = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

test('the stored database files hold no name, birth date, e-mail or mobile number in the clear, and the desk finds people by name', async ({
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
    const person = file.people[0];
    if (!person) throw new Error('The demo export has nobody active');
    await desk.goTo('Innsjekk');
    await desk.find(fullName(person));
    await desk.pick(fullName(person));
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
    const names = rows
      .flatMap(({ cells }) => [
        column(headers, cells, 'Fornavn'),
        column(headers, cells, 'Etternavn'),
      ])
      .filter((name) => name.length >= 5);
    const idb = (await filesUnder(profile)).filter((path) =>
      path.includes('IndexedDB'),
    );
    const bytes = Buffer.concat(await Promise.all(idb.map((p) => readFile(p))));
    const contains = (value: string) => bytesHoldValue(bytes, value);

    expect(idb.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(20);
    expect(names.length).toBeGreaterThan(20);
    // The scan can see stored text: the event's name is not sealed.
    expect(contains('Forseglet')).toBe(true);
    expect(secrets.filter(contains)).toEqual([]);
    expect(names.filter(contains)).toEqual([]);
  } finally {
    await browser?.kill();
    await rm(profile, { recursive: true, force: true });
  }
});
