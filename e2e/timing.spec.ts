// Issue #4's desk flow with (simulated) equipment: connect a finish station
// and a card reader on the devices page, pair chips at check-in (one typed,
// one read from the reader), run a small race with `racedesk device
// simulate`, see the finishers ranked live, and export the IOF result list
// that xmllint validates against the schema. Then hand over from the desk:
// the results as Excel (read back with exceljs), the start list as IOF XML
// (validated by xmllint) and as CSV, with the chips paired at check-in in
// them, each file in the export log under the operator signed in.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Locator } from '@playwright/test';
import { SerialPort } from 'serialport';
import {
  schemaCheckUnavailable,
  validateIofXml,
} from '../node/formats/xmllint';
import { fullName, typedPlain, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { e2eOperator } from './pages/access';
import { excelResultRows, writtenPath } from './pages/handover';
import { openRunLog } from './runLogs';
import {
  openCardReader,
  plugInPair,
  simulate,
  simulatedSiChip,
} from './timingRig';

const cellOf = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

/** The device end of a cable that only listens: what the desk sent. */
const openLineReader = async (path: string, baudRate: number) => {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((done, fail) =>
    port.open((error) => (error ? fail(error) : done())),
  );
  let received = '';
  port.on('data', (bytes: Buffer) => {
    received += bytes.toString('latin1');
  });
  return {
    text: () => received,
    close: () => new Promise<void>((done) => port.close(() => done())),
  };
};

/** Presses a hand-over button and returns the path its status names. */

test('chips paired at check-in time a simulated race into an IOF result list', async ({
  desk,
  host,
}, testInfo) => {
  test.slow();
  const dir = await mkdtemp(join(tmpdir(), 'racedesk-timing-e2e-'));
  const finish = await plugInPair(join(dir, 'finish'));
  const reader = await plugInPair(join(dir, 'reader'));
  let simulator: ReturnType<typeof simulate> | undefined;
  let card: Awaited<ReturnType<typeof openCardReader>> | undefined;
  let timy: Awaited<ReturnType<typeof plugInPair>> | undefined;
  let timyEnd: Awaited<ReturnType<typeof openLineReader>> | undefined;
  try {
    const file = await writeExportFile(
      testInfo.outputPath('påmeldte.xlsx'),
      40,
    );
    // Two runners with one entry each in the same class and exercise.
    const { headers, rows } = file.table;
    const single = file.people.filter((p) => p.registrationIds.length === 1);
    const entryOf = (personId: string) =>
      rows
        .filter((r) => cellOf(headers, r.cells, 'Person ID') === personId)
        .map(
          (r) =>
            `${cellOf(headers, r.cells, 'Klasse')}|${cellOf(headers, r.cells, 'Øvelse')}`,
        );
    const byEntry = new Map<string, typeof single>();
    for (const person of single) {
      const entries = entryOf(person.personId);
      if (entries.length !== 1) continue;
      const key = entries[0] ?? '';
      byEntry.set(key, [...(byEntry.get(key) ?? []), person]);
    }
    const pair = [...byEntry.values()].find((people) => people.length >= 2);
    const [typed, read] = pair ?? [];
    if (!typed || !read) throw new Error('no two runners share a class');
    const typedChip = String(simulatedSiChip(1));
    const readChip = simulatedSiChip(2);
    const strayChip = String(simulatedSiChip(3));

    await desk.open();
    await desk.importFile(file.path, 'Tidtakerløpet', 40);
    const page = desk.page;

    // Devices: the finish station and a card reader, by port path.
    await page.getByRole('tab', { name: 'Tidtakerutstyr' }).click();
    const addDevice = async (name: string, path: string) => {
      await page.getByLabel('Navn', { exact: true }).fill(name);
      await page.getByLabel('Protokoll').selectOption('sportident');
      await page.getByLabel('Port', { exact: true }).fill(path);
      await page.getByRole('button', { name: 'Koble til' }).click();
    };
    const badgeOf = (name: string): Locator =>
      page.locator(`tr[data-device="${name}"] [data-state]`);
    // The stations are switched on first: the desk connects to a station
    // only once it answers. The finish station is played by hand until the
    // race, then by `racedesk device simulate`.
    card = await openCardReader(reader.device);
    const finishStation = await openCardReader(finish.device);
    await addDevice('finish', finish.host);
    await addDevice('reader', reader.host);
    await expect(badgeOf('finish')).toHaveAttribute('data-state', 'connected', {
      timeout: 15_000,
    });
    await expect(badgeOf('reader')).toHaveAttribute('data-state', 'connected', {
      timeout: 15_000,
    });
    await desk.screenshot('timing-01-devices');

    // The finish station's clock, set to this computer's time: the desk
    // says what it sent and what the station answered.
    await page
      .locator('tr[data-device="finish"]')
      .getByRole('button', { name: 'Still klokka til denne maskinens tid' })
      .click();
    await expect(
      page.getByText(/^Klokka på finish er satt til /),
    ).toContainText('enheten sier');

    // Check-in: one chip typed (a rental), one read from the reader.
    await desk.goTo('Innsjekk');
    await desk.find(typedPlain(fullName(typed)));
    await desk.pick(fullName(typed));
    await desk.checkIn();
    await desk.card.getByLabel('Brikke', { exact: true }).fill(typedChip);
    await desk.card.getByLabel('Leiebrikke').check();
    await desk.card.getByRole('button', { name: 'Sett brikke' }).click();
    await desk.expectSaved('Brikke satt');
    await expect(desk.card).toContainText('Leiebrikke – samles inn');
    await expect(desk.card).toContainText(typedChip);
    await desk.screenshot('timing-02-chip-typed');

    await desk.find(typedPlain(fullName(read)));
    await desk.pick(fullName(read));
    await desk.checkIn();
    await desk.card.getByRole('button', { name: 'Les fra leser' }).click();
    await card.putCard(readChip);
    await expect(desk.card.getByLabel('Brikke', { exact: true })).toHaveValue(
      String(readChip),
    );
    await desk.card.getByRole('button', { name: 'Sett brikke' }).click();
    await desk.expectSaved('Brikke satt');
    await expect(desk.card).toContainText(String(readChip));

    // The same chip for a second runner is refused with the holder's name.
    await desk.find(typedPlain(fullName(typed)));
    await desk.pick(fullName(typed));
    await desk.card
      .getByLabel('Brikke', { exact: true })
      .fill(String(readChip));
    await desk.card.getByRole('button', { name: 'Sett brikke' }).click();
    await expect(desk.card).toContainText(
      `Brikke ${readChip} er allerede hos ${fullName(read)}`,
    );
    await desk.screenshot('timing-03-chip-read-and-taken');

    // Race setup for every class: mass start at 10:00, finish on control 31.
    await page.getByRole('tab', { name: 'Resultater' }).click();
    const setup = page.getByRole('region', { name: 'Oppsett per klasse' });
    await setup.getByLabel('Start', { exact: true }).selectOption('mass');
    await setup.getByLabel('Starttid').fill('10:00:00');
    await setup.getByLabel('Målpost').fill('31');
    await setup.getByRole('button', { name: 'Lagre oppsett' }).click();
    await expect(setup.getByRole('status')).toHaveText('Oppsettet er lagret');

    // The race: three punches at the finish, the third from a stray chip.
    await finishStation.close();
    simulator = simulate(
      [
        '--protocol',
        'sportident',
        '--port',
        finish.device,
        '--passings',
        '3',
        '--rate',
        '2',
      ],
      openRunLog('simulator', testInfo),
    );
    const rows3 = page.getByTestId('result-row').filter({ hasText: '0:0' });
    await expect(rows3).toHaveCount(2, { timeout: 30_000 });
    const first = page.getByTestId('result-row').filter({
      hasText: fullName(typed),
    });
    const second = page.getByTestId('result-row').filter({
      hasText: fullName(read),
    });
    // SportIdent keeps 1/256 s: 10:00:01.237 is read back as 01.234.
    await expect(first).toContainText(/0:01\.23\d/);
    await expect(first.locator('td').first()).toHaveText('1');
    await expect(second).toContainText(/0:02\.47\d/);
    await expect(second.locator('td').first()).toHaveText('2');
    const unmatched = page.getByRole('region', {
      name: 'Passeringer uten deltaker',
    });
    await expect(unmatched).toContainText(strayChip);
    await expect(unmatched).toContainText('Ukjent brikke');
    await desk.screenshot('timing-04-live-results');

    // The devices page counts the passings main journaled.
    await page.getByRole('tab', { name: 'Tidtakerutstyr' }).click();
    await expect(
      page.locator('tr[data-device="finish"] [data-testid="passings"]'),
    ).toHaveText('3');

    // The IOF ResultList, written by the host and valid against IOF.xsd.
    await page.getByRole('tab', { name: 'Resultater' }).click();
    await page
      .getByRole('button', { name: 'Eksporter IOF-resultatliste' })
      .click();
    const written = page.getByRole('status').filter({
      hasText: 'Resultatlista er skrevet til',
    });
    await expect(written).toBeVisible();
    const path = ((await written.textContent()) ?? '')
      .replace('Resultatlista er skrevet til', '')
      .trim();
    const xml = await readFile(path, 'utf8');
    expect(xml).toContain('<ResultList');
    expect(xml).toContain(typed.lastName);
    await desk.screenshot('timing-05-exported');
    const unavailable = schemaCheckUnavailable();
    if (unavailable === '') {
      expect(await validateIofXml(xml)).toEqual({ ok: true, value: true });
    } else {
      testInfo.annotations.push({
        type: 'skipped-check',
        description: unavailable,
      });
    }

    // Excel results from the desk, read back with exceljs.
    const xlsxPath = await writtenPath(
      page,
      'Eksporter resultater til Excel',
      'Resultatene',
    );
    expect(xlsxPath).toMatch(/\.xlsx$/);
    const sheetRows = await excelResultRows(xlsxPath);
    expect(sheetRows[0]?.slice(0, 4)).toEqual([
      'Klasse',
      'Plass',
      'Startnr.',
      'Navn',
    ]);
    const typedRow = sheetRows.find((row) => row[3] === fullName(typed));
    expect(typedRow?.[1]).toBe('1');
    expect(typedRow).toContain(typedChip);

    // The start list for the timing crew, from the desk's state: the
    // chips paired at check-in are in it, valid against IOF.xsd.
    const startList = page.getByRole('region', {
      name: 'Startliste til tidtaking',
    });
    await expect(startList).toBeVisible();
    const startListPath = await writtenPath(
      page,
      'IOF XML startliste',
      'Lista (',
    );
    expect(startListPath).toMatch(/-iof-startlist-\d{8}-\d{6}\.xml$/);
    const startXml = await readFile(startListPath, 'utf8');
    expect(startXml).toContain('<StartList');
    expect(startXml).toContain(`<ControlCard>${typedChip}</ControlCard>`);
    expect(startXml).toContain(`<ControlCard>${readChip}</ControlCard>`);
    if (unavailable === '') {
      expect(await validateIofXml(startXml)).toEqual({ ok: true, value: true });
    }
    const entryListPath = await writtenPath(
      page,
      'IOF XML påmeldingsliste',
      'Lista (',
    );
    const entryXml = await readFile(entryListPath, 'utf8');
    if (unavailable === '') {
      expect(await validateIofXml(entryXml)).toEqual({ ok: true, value: true });
    }
    const csvPath = await writtenPath(
      page,
      'CSV-startliste (semikolon)',
      'Lista (',
    );
    const csvLines = (await readFile(csvPath, 'utf8')).split('\r\n');
    expect(csvLines[0]).toMatch(/^\ufeffStno;Chip;/);
    expect(
      csvLines.some(
        (line) =>
          line.split(';')[1] === typedChip && line.includes(typed.lastName),
      ),
    ).toBe(true);
    await desk.screenshot('timing-06-handed-over');

    // Every file is in the export log, under the operator signed in.
    const log = (
      await readFile(
        join(dirname(xlsxPath), 'racedesk-export-log.jsonl'),
        'utf8',
      )
    )
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = (file: string) =>
      log.find((entry) => entry.file === file.split('/').pop());
    for (const [file, list] of [
      [path, 'iof-resultlist'],
      [xlsxPath, 'results-xlsx'],
      [startListPath, 'iof-startlist'],
      [entryListPath, 'iof-entrylist'],
      [csvPath, 'csv-startlist'],
    ] as const) {
      expect(logged(file)).toMatchObject({
        list,
        by: expect.stringContaining(e2eOperator.name),
      });
    }
    const startsInXml = startXml.split('<PersonStart>').length - 1;
    expect(logged(startListPath)?.rows).toBe(startsInXml);
    expect(logged(startListPath)?.people).toBeGreaterThan(0);
    // Nobody who is only deregistered is on the start list.
    const activeIds = new Set(file.people.map((p) => p.personId));
    const goneIds = rows
      .map((r) => cellOf(headers, r.cells, 'Person ID'))
      .filter((id) => id !== '' && !activeIds.has(id));
    expect(goneIds.length).toBeGreaterThan(0);
    for (const id of goneIds) {
      expect(startXml).not.toContain(`<Id type="NIF">${id}</Id>`);
    }

    // The Timy's printer and a display board: lines to a connected device
    // (no board kind on this desk yet, so the Timy takes the board's lines
    // too). What reaches the device end of the cable is read back.
    timy = await plugInPair(join(dir, 'timy'));
    timyEnd = await openLineReader(timy.device, 9_600);
    await page.getByRole('tab', { name: 'Tidtakerutstyr' }).click();
    await page.getByLabel('Navn', { exact: true }).fill('timy');
    await page.getByLabel('Protokoll').selectOption('alge-timy');
    await page.getByLabel('Port', { exact: true }).fill(timy.host);
    await page.getByRole('button', { name: 'Koble til' }).click();
    await expect(badgeOf('timy')).toHaveAttribute('data-state', 'connected', {
      timeout: 15_000,
    });
    await page.getByRole('tab', { name: 'Resultater' }).click();
    const handOver = page.getByRole('region', { name: 'Levere resultater' });
    const raceClass = (entryOf(typed.personId)[0] ?? '')
      .split('|')
      .filter((part) => part !== '')
      .join(' ');
    await handOver.getByLabel('Skriver (Timy)').selectOption('timy');
    await handOver.getByLabel('Klasse å skrive ut').selectOption(raceClass);
    await handOver.getByRole('button', { name: 'Skriv ut klassen' }).click();
    // The class, then the two finishers (the others are still out).
    await expect(
      handOver.getByRole('status').filter({ hasText: 'Skrev ' }),
    ).toHaveText(`Skrev 3 linjer for ${raceClass} til timy`);
    await expect
      .poll(() => timyEnd?.text() ?? '')
      .toContain(`DTP${raceClass.slice(0, 24)}`);
    await handOver.getByLabel('Resultattavle').selectOption('timy');
    await handOver
      .getByRole('button', { name: 'Send siste i mål til tavla' })
      .click();
    await expect(
      handOver.getByRole('status').filter({ hasText: 'Sendt ' }),
    ).toHaveText('Sendt 2 linjer til timy');
    // Board lines: the finish letter C, the time to the thousandth, rank.
    await expect
      .poll(() => timyEnd?.text() ?? '')
      .toMatch(/C {4}00:00:01\.23\d {1}1\r/);
    await desk.screenshot('timing-07-printed-and-board');

    expect(host.log()).not.toContain('"level":50');
  } finally {
    await simulator?.stop();
    await card?.close();
    await timyEnd?.close();
    await finish.pullCable();
    await reader.pullCable();
    await timy?.pullCable();
    await rm(dir, { recursive: true, force: true });
  }
});
