// Encryption at rest (issue #5): the desk's IndexedDB files in the browser
// profile, read without the keys, hold none of the sealed fields' values
// (names, birth dates, e-mail addresses, mobile numbers, payments and
// transaction ids, registrars' names and e-mail addresses, comments,
// license numbers, and answers and messages, which an iSonen export brings
// as columns of the organizer's own: the spec adds two, and the event's
// name) while clubs, which are not sealed, are there, and the desk still
// finds people by name. The file scan is plain bytes, as a finder of a lost laptop would
// read them. And nothing asks for a key before an operator signs in.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { writeSheet } from '../node/xlsx/writeSheet';
import { demoExport } from '../shared/demo/demoExport';
import type { SheetTable } from '../shared/isonen/sheet';
import { type KillableBrowser, launchKillableChromium } from './browserProcess';
import { expect, test } from './fixtures';
import { signInAsOperator } from './pages/access';
import { DeskPage } from './pages/desk';
import { bytesHoldValue, filesUnder } from './storedData';

const participants = 60;
const answerColumn = 'Spørsmål: Allergier eller hensyn vi bør kjenne til?';
const messageColumn = 'Melding fra arrangør';

/** The demo export with an answer and a message for every row. */
const withAnswers = (table: SheetTable): SheetTable => ({
  ...table,
  headers: [...table.headers, answerColumn, messageColumn],
  rows: table.rows.map((row, i) => ({
    ...row,
    cells: [
      ...row.cells,
      `Tåler ikke peanøtter, svar nummer ${1000 + i}`,
      `Husk legeattest innen fredag, melding ${5000 + i}`,
    ],
  })),
});

const column = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

test('the stored database files hold none of the sealed fields in the clear, the desk finds people by name, and no key is asked for before sign-in', async ({
  host,
}, testInfo) => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'racedesk-sealed-'));
  let browser: KillableBrowser | null = null;
  try {
    browser = await launchKillableChromium(profile);
    const page = browser.page;
    // What the page asks the process around it, by request name.
    const asked: string[] = [];
    page.on('websocket', (socket) => {
      socket.on('framesent', ({ payload }) => {
        const text =
          typeof payload === 'string' ? payload : payload.toString('utf8');
        const name = /"name":"([a-z-]+:[a-z-]+)"/.exec(text)?.[1];
        if (name) asked.push(name);
      });
    });
    const desk = new DeskPage(page, host.url);
    await page.goto(host.url);
    await desk.waitReady();
    await expect(
      page
        .getByRole('heading', { name: 'Opprett den første operatøren' })
        .or(page.getByRole('heading', { name: 'Logg inn på skranken' })),
    ).toBeVisible();
    // The sign-in shows and no key has left the process around the page.
    expect(asked.filter((name) => name.startsWith('keys:'))).toEqual([]);
    await signInAsOperator(page);
    expect(asked).toContain('keys:data-key');

    const table = withAnswers(demoExport({ participants, seed: 2025 }));
    const path = testInfo.outputPath('sealed.xlsx');
    await writeSheet(table, path);
    await desk.importFile(path, 'Forseglet', participants);
    const { headers, rows } = table;
    const first = rows[0]?.cells ?? [];
    const name = `${column(headers, first, 'Fornavn')} ${column(headers, first, 'Etternavn')}`;
    await desk.goTo('Innsjekk');
    await desk.find(name);
    await desk.pick(name);
    await browser.kill();
    browser = null;

    // Birth dates as the desk stores them (yyyy-mm-dd).
    const iso = (date: string) => date.split('.').reverse().join('-');
    // Each column whose values are stored sealed (renderer/db/sealing.ts).
    const sealedColumns = [
      'E-post',
      'Mobil',
      'Fødselsdato',
      'Transaksjons-ID',
      'Alle betalinger',
      'Påmeldt av',
      'E-post påmelder',
      'Kommentar',
      'Helårslisens',
      'Engangslisens',
      answerColumn,
      messageColumn,
    ];
    const stored = (header: string, value: string) =>
      header === 'Fødselsdato' ? iso(value) : value;
    const secretsBy = new Map<string, Set<string>>();
    for (const header of sealedColumns) {
      expect(headers, header).toContain(header);
      const values = new Set(
        rows
          .map(({ cells }) => stored(header, column(headers, cells, header)))
          .filter((value) => value.length >= 6),
      );
      secretsBy.set(header, values);
    }
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
    // Every kind of sealed value is there to look for: the demo export
    // has some of each.
    for (const [header, values] of secretsBy) {
      expect(values.size, header).toBeGreaterThan(0);
    }
    expect(secretsBy.get('E-post')?.size).toBeGreaterThan(20);
    expect(secretsBy.get('Transaksjons-ID')?.size).toBeGreaterThan(10);
    expect(names.length).toBeGreaterThan(20);
    // The scan can see stored text: clubs are not sealed. The event's
    // name is.
    const club = column(headers, first, 'Klubb');
    expect(club.length).toBeGreaterThan(4);
    expect(contains(club)).toBe(true);
    expect(contains('Forseglet')).toBe(false);
    const found = [...secretsBy].flatMap(([header, values]) =>
      [...values].filter(contains).map((value) => `${header}: ${value}`),
    );
    expect(found).toEqual([]);
    expect(names.filter(contains)).toEqual([]);
  } finally {
    await browser?.kill();
    await rm(profile, { recursive: true, force: true });
  }
});
