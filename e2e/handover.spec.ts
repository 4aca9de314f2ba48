// Handing over from the desk (issue #4, item 6), without timing hardware:
// after check-in (a bib and a chip typed at the desk) and a late entry,
// the results page writes the start list as IOF XML (valid against
// IOF.xsd by xmllint), the entry list and the CSV start list, from the
// desk's state: the desk's bib and chip, the late entry in, the
// deregistered out; and the results as Excel, read back with exceljs.
// Every file is in the export log under the operator signed in, and
// deleting the event from the desk deletes every one of them. A desk
// connected to the central service sends its result list there, which the
// office reads back; once the office revokes the desk, sending is refused
// with the service's reason.

import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { login, request } from '../central/test/client';
import {
  schemaCheckUnavailable,
  validateIofXml,
} from '../node/formats/xmllint';
import { startCentralService } from './central';
import { fullName, typedPlain, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { e2eOperator } from './pages/access';
import { excelResultRows, writtenPath } from './pages/handover';
import { SyncPanel } from './pages/sync';

const cellOf = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

/** Presses a hand-over button and returns the path its status names. */

test('the desk hands over start lists and Excel results from its own state, logged and purged', async ({
  desk,
  host,
}, testInfo) => {
  test.slow();
  const participants = 40;
  const file = await writeExportFile(
    testInfo.outputPath('påmeldte.xlsx'),
    participants,
  );
  const { headers, rows } = file.table;
  const person = file.people.find((p) => p.registrationIds.length === 1);
  if (!person) throw new Error('nobody with one registration');
  const bib = '901';
  const chip = '8123456';

  await desk.open();
  await desk.importFile(file.path, 'Leveringsløpet', participants);
  const page = desk.page;
  // The lists are built in a worker, off the desk's thread.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  // At the desk: check in, a bib and a chip typed, and a late entry.
  await desk.goTo('Innsjekk');
  await desk.find(typedPlain(fullName(person)));
  await desk.pick(fullName(person));
  await desk.checkIn();
  await desk.assignBib(bib);
  await desk.expectSaved(`Startnummer ${bib}`);
  await desk.card.getByLabel('Brikke', { exact: true }).fill(chip);
  await desk.card.getByRole('button', { name: 'Sett brikke' }).click();
  await desk.expectSaved('Brikke satt');
  await desk.addLateEntry({
    firstName: 'Siri',
    lastName: 'Brændeland',
    birthDate: '03.04.1990',
    gender: 'Kvinne',
    club: 'IL Gneist',
    className: person.className,
    payment: 'Vipps',
    amount: '350',
  });

  await page.getByRole('tab', { name: 'Resultater' }).click();
  const handOver = page.getByRole('region', { name: 'Levere resultater' });
  await expect(handOver).toBeVisible();
  // Not connected to a central service, and no device connected: said so.
  await expect(
    handOver.getByRole('button', { name: 'Send til sentraltjenesten' }),
  ).toBeDisabled();
  await expect(handOver).toContainText(
    'Arrangementet er ikke koblet til en sentraltjeneste',
  );
  await expect(handOver).toContainText('Ingen tilkoblede enheter');

  // The IOF start list, valid against the schema.
  const startList = page.getByRole('region', {
    name: 'Startliste til tidtaking',
  });
  await expect(startList).toBeVisible();
  const startPath = await writtenPath(page, 'IOF XML startliste', 'Lista (');
  expect(startPath).toMatch(/-iof-startlist-\d{8}-\d{6}\.xml$/);
  const startXml = await readFile(startPath, 'utf8');
  expect(workers.some((url) => url.includes('startListWorker'))).toBe(true);
  expect(startXml).toContain('<StartList');
  expect(startXml).toContain(`<BibNumber>${bib}</BibNumber>`);
  expect(startXml).toContain(`<ControlCard>${chip}</ControlCard>`);
  expect(startXml).toContain('<Family>Brændeland</Family>');
  // Nobody who is only deregistered is on it.
  const activeIds = new Set(file.people.map((p) => p.personId));
  const goneIds = rows
    .map((r) => cellOf(headers, r.cells, 'Person ID'))
    .filter((id) => id !== '' && !activeIds.has(id));
  expect(goneIds.length).toBeGreaterThan(0);
  for (const id of goneIds) {
    expect(startXml).not.toContain(`>${id}</Id>`);
  }
  const unavailable = schemaCheckUnavailable();
  const entryPath = await writtenPath(
    page,
    'IOF XML påmeldingsliste',
    'Lista (',
  );
  const entryXml = await readFile(entryPath, 'utf8');
  expect(entryXml).toContain('<Family>Brændeland</Family>');
  if (unavailable === '') {
    expect(await validateIofXml(startXml)).toEqual({ ok: true, value: true });
    expect(await validateIofXml(entryXml)).toEqual({ ok: true, value: true });
  } else {
    testInfo.annotations.push({
      type: 'skipped-check',
      description: unavailable,
    });
  }

  // The CSV start list: the desk's bib and chip on the person's line.
  const csvPath = await writtenPath(
    page,
    'CSV-startliste (semikolon)',
    'Lista (',
  );
  const csvLines = (await readFile(csvPath, 'utf8')).split('\r\n');
  expect(csvLines[0]).toMatch(/^\ufeffStno;Chip;/);
  expect(csvLines.some((line) => line.startsWith(`${bib};${chip};`))).toBe(
    true,
  );
  expect(csvLines.some((line) => line.includes('Brændeland'))).toBe(true);

  // The results as Excel, read back with exceljs.
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
  const personRow = sheetRows.find((row) => row[3] === fullName(person));
  expect(personRow?.[2]).toBe(bib);
  expect(sheetRows.some((row) => row.join(' ').includes('Brændeland'))).toBe(
    true,
  );
  await desk.screenshot('handover-01-written');

  // The export log names each file, the operator, the list and the count.
  const exportsDir = dirname(startPath);
  const log = (
    await readFile(`${exportsDir}/racedesk-export-log.jsonl`, 'utf8')
  )
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const written = [
    [startPath, 'iof-startlist'],
    [entryPath, 'iof-entrylist'],
    [csvPath, 'csv-startlist'],
    [xlsxPath, 'results-xlsx'],
  ] as const;
  for (const [path, list] of written) {
    const entry = log.find((e) => e.file === basename(path));
    expect(entry).toMatchObject({
      list,
      by: expect.stringContaining(e2eOperator.name),
    });
    expect(entry?.fields).toEqual(expect.arrayContaining(['class']));
  }
  const startEntry = log.find((e) => e.file === basename(startPath));
  expect(startEntry?.rows).toBe(startXml.split('<PersonStart>').length - 1);

  // The Lister page's export log names each handed-over file by its title.
  await page.getByRole('tab', { name: 'Lister' }).click();
  const logTable = page.getByRole('table', { name: 'Eksportlogg' });
  for (const title of [
    'Startliste til tidtaking (IOF XML)',
    'Påmeldingsliste til tidtaking (IOF XML)',
    'Startliste til tidtaking (CSV)',
    'Resultatliste (Excel)',
  ]) {
    await expect(logTable.getByRole('cell', { name: title })).toBeVisible();
  }

  // Deleting the event from the desk deletes every file it handed over.
  await desk.goTo('Oversikt');
  await page
    .getByRole('button', { name: 'Slett arrangementet fra denne pulten' })
    .click();
  const confirm = page.getByRole('dialog', { name: /^Slette / });
  await confirm.getByRole('button', { name: 'Slett', exact: true }).click();
  // Never connected: the desk's operations were never sent anywhere.
  await confirm.getByRole('button', { name: 'Slett likevel' }).click();
  const report = page.getByRole('dialog', { name: /er slettet fra denne/ });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report).toContainText(
    `Eksporterte lister slettet (${written.length})`,
  );
  expect(await readdir(exportsDir)).toEqual(['racedesk-export-log.jsonl']);
  expect(host.log()).not.toContain('"level":50');
});

test('a connected desk sends its results to the central service, and says why when it is refused', async ({
  desk,
}, testInfo) => {
  test.slow();
  const central = await startCentralService(30, testInfo);
  try {
    await desk.open();
    const sync = new SyncPanel(desk.page);
    await sync.connect({
      url: central.url,
      login: 'demo',
      password: 'demo',
      event: 'Demoløpet 2025',
      deskName: 'Resultatpult',
    });
    const deskId = await sync.deskId();
    const page = desk.page;

    await page.getByRole('tab', { name: 'Resultater' }).click();
    const handOver = page.getByRole('region', { name: 'Levere resultater' });
    await handOver
      .getByRole('button', { name: 'Send til sentraltjenesten' })
      .click();
    const sent = handOver
      .getByRole('status')
      .filter({ hasText: 'Sendt: sentraltjenesten' });
    await expect(sent).toBeVisible({ timeout: 30_000 });
    const starts = Number(
      /lagret (\d+) resultater/.exec((await sent.textContent()) ?? '')?.[1],
    );
    expect(starts).toBeGreaterThan(0);

    // The central office reads back what this desk posted.
    const office = await login(central.url, 'demo');
    const stored = await request<{
      postedBy: string;
      list: { classes: { results: unknown[] }[] };
    }>(central.url, 'GET', `/api/events/${central.eventId}/results`, {
      token: office,
    });
    expect(stored.status).toBe(200);
    expect(stored.body.postedBy).toBe(`desk:${deskId}`);
    expect(
      stored.body.list.classes.reduce((n, c) => n + c.results.length, 0),
    ).toBe(starts);
    await desk.screenshot('handover-02-sent-central');

    // The office revokes the desk: the next send is refused, with why.
    await central.revokeDesk(deskId);
    await page.getByRole('tab', { name: 'Resultater' }).click();
    await handOver
      .getByRole('button', { name: 'Send til sentraltjenesten' })
      .click();
    await expect(handOver.getByRole('alert')).toContainText('Avvist:', {
      timeout: 30_000,
    });
  } finally {
    await central.stop();
  }
});
