// Issue #4's desk flow with (simulated) equipment: connect a finish station
// and a card reader on the devices page, pair chips at check-in (one typed,
// one read from the reader), run a small race with `racedesk device
// simulate`, see the finishers ranked live, and export the IOF result list
// that xmllint validates against the schema.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Locator } from '@playwright/test';

import {
  schemaCheckUnavailable,
  validateIofXml,
} from '../node/formats/xmllint';
import { fullName, typedPlain, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { openRunLog } from './runLogs';
import {
  openCardReader,
  plugInPair,
  simulate,
  simulatedSiChip,
} from './timingRig';

const cellOf = (headers: string[], cells: string[], name: string) =>
  cells[headers.indexOf(name)] ?? '';

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
    expect(host.log()).not.toContain('"level":50');
  } finally {
    await simulator?.stop();
    await card?.close();
    await finish.pullCable();
    await reader.pullCable();
    await rm(dir, { recursive: true, force: true });
  }
});
