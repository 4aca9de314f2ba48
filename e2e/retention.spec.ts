// Retention (issue #5): an event imported, checked in and exported is
// deleted from the desk through the Overview page; afterwards no record
// of the browser's IndexedDB names its participants or the event, the
// host's data folder holds none of their surnames, not the event's name
// (the export log keeps the entry, its counts and fields, marked purged,
// without the file name that named the event) and no key of the event
// (plain bytes, as a finder of a lost laptop would read them), and the
// desk has said what it deleted.
//
// Chromium's LevelDB files keep deleted records until Chromium compacts
// them (a write-ahead log, then table files that compaction may move down
// unchanged), and a page cannot ask for that. So names, the event's own
// too, never reach those files in the clear: they are sealed under the
// event's own key, which the purge destroys (renderer/db/keyring.ts). The
// profile's files are scanned for surnames and the event's name before
// and after the purge (the name but for Chromium's session restore and
// history, which keep the window's title: storedData.ts).
//
// A connected event follows the organizer's days from the central service
// (PUT /api/events/{eventId}/settings, retentionDays): the Overview's
// field shows them, disabled, saying they are the organizer's.

import { createDecipheriv } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { login, request } from '../central/test/client';
import { type KillableBrowser, launchKillableChromium } from './browserProcess';
import { type RunningCentral, startCentralService } from './central';
import { fullName, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';
import { SyncPanel } from './pages/sync';
import {
  browserHistoryFiles,
  filesUnder,
  foundIn,
  holdsValue,
  storedTextInPage,
} from './storedData';

const participants = 60;
const eventName = 'Høstløpet';

/** The texts sealed under an event key (renderer/db/keyring.ts). */
const eventSealed = (stored: string): string[] =>
  [...stored.matchAll(/"sealed":"event:([A-Za-z0-9+/=]+)"/g)].map(
    (match) => match[1] ?? '',
  );

/** AES-256-GCM as sealing.ts seals: IV, ciphertext, 16-byte tag. */
const opens = (base64Key: string, sealed: string): string | null => {
  const bytes = Buffer.from(sealed, 'base64');
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(base64Key, 'base64'),
      bytes.subarray(0, 12),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([
      decipher.update(bytes.subarray(12, bytes.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return null;
  }
};

/** Every key file of the host's data folder: the data key, event keys. */
const keysIn = async (dataDir: string): Promise<string[]> => {
  const files = (await filesUnder(dataDir)).filter((path) =>
    /\.key$/.test(path),
  );
  return Promise.all(
    files.map(async (path) => (await readFile(path, 'utf8')).trim()),
  );
};

test('purging an event leaves none of its participants in IndexedDB or the data folder, and says what it deleted', async ({
  host,
}, testInfo) => {
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'racedesk-retention-'));
  let browser: KillableBrowser | null = null;
  try {
    browser = await launchKillableChromium(profile);
    const page = browser.page;
    const desk = new DeskPage(page, host.url);
    await desk.open();
    const file = await writeExportFile(
      testInfo.outputPath('retention.xlsx'),
      participants,
    );
    await desk.importFile(file.path, eventName, participants);

    const person = file.people[0];
    if (!person) throw new Error('The demo export has nobody active');
    await desk.goTo('Innsjekk');
    await desk.find(fullName(person));
    await desk.pick(fullName(person));
    await desk.checkIn();

    await page.getByRole('tab', { name: 'Lister' }).click();
    await page.getByRole('button', { name: 'Eksporter til Excel' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'lagret i' }),
    ).toContainText(/\.xlsx$/, { timeout: 30_000 });

    // The demo event's date is long past: the header asks to purge.
    await expect(
      page.getByRole('button', { name: /Høstløpet skulle slettes/ }),
    ).toBeVisible();
    await desk.goTo('Oversikt');
    await expect(page.getByLabel('Dager etter arrangementsdatoen')).toHaveValue(
      '7',
    );
    const surnames = [...new Set(file.people.map((p) => p.lastName))].filter(
      (name) => name.length >= 4,
    );
    expect(surnames.length).toBeGreaterThan(10);
    const { headers, rows } = file.table;
    const club = rows[0]?.cells[headers.indexOf('Klubb')] ?? '';
    expect(club.length).toBeGreaterThan(4);
    // Both scans see stored text (clubs are not sealed), and neither the
    // event's name nor a surname: each event's are sealed under its own key.
    expect(await foundIn(profile, [club])).toEqual([club]);
    expect(await foundIn(profile, surnames)).toEqual([]);
    expect(await foundIn(profile, [eventName], browserHistoryFiles)).toEqual(
      [],
    );
    const before = await storedTextInPage(page);
    expect(holdsValue(before, club)).toBe(true);
    expect(holdsValue(before, eventName)).toBe(false);
    expect(surnames.filter((name) => holdsValue(before, name))).toEqual([]);
    const hostData = testInfo.outputPath('host-data');
    const eventKeys = join(hostData, 'event-keys');
    expect(await readdir(eventKeys)).toHaveLength(1);
    // What LevelDB may keep after the purge is these texts: before it, the
    // event's key in the data folder opens them, and they hold the names.
    const sealed = eventSealed(before);
    expect(sealed.length).toBeGreaterThan(participants / 2);
    const keysBefore = await keysIn(hostData);
    const opened = sealed
      .map((text) => keysBefore.map((key) => opens(key, text)).find(Boolean))
      .join('\n');
    expect(surnames.filter((name) => !opened.includes(name))).toEqual([]);
    expect(opened).toContain(eventName);

    await page
      .getByRole('button', { name: 'Slett arrangementet fra denne pulten' })
      .click();
    const confirm = page.getByRole('dialog', { name: 'Slette Høstløpet?' });
    await confirm.getByRole('button', { name: 'Slett', exact: true }).click();
    // Never connected: the check-in was never sent anywhere, so told twice.
    await expect(confirm.getByRole('alert')).toContainText(
      '1 operasjon (innsjekking, startnummer, betaling, etteranmelding) er ' +
        'aldri sendt noe sted',
    );
    await expect(page.getByRole('dialog', { name: /er slettet/ })).toHaveCount(
      0,
    );
    await confirm.getByRole('button', { name: 'Slett likevel' }).click();

    const report = page.getByRole('dialog', {
      name: 'Høstløpet er slettet fra denne pulten',
    });
    await expect(report).toBeVisible({ timeout: 30_000 });
    await expect(report).toContainText(/Slettet: \d+ deltakere, 1 operasjoner/);
    await expect(report).toContainText('Eksporterte lister slettet (1)');
    await expect(report).toContainText(
      '1 oppføringer i eksportloggen er merket som slettet',
    );
    await expect(report).toContainText('passeringer i journalen er slettet');
    await expect(report).toContainText('Arrangementets nøkkel er slettet');
    expect(await readdir(eventKeys)).toEqual([]);
    // No key left in the data folder opens any of them.
    const keysAfter = await keysIn(hostData);
    expect(keysAfter.length).toBeGreaterThan(0);
    expect(
      sealed.filter((text) => keysAfter.some((key) => opens(key, text))),
    ).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('purged.png') });
    const stored = await storedTextInPage(page);
    expect(stored.length).toBeGreaterThan(0);
    expect(surnames.filter((name) => holdsValue(stored, name))).toEqual([]);
    expect(holdsValue(stored, eventName)).toBe(false);
    // The event's documents are gone, not only unreadable.
    expect(holdsValue(stored, club)).toBe(false);
    await browser.kill();
    browser = null;

    expect(await foundIn(hostData, surnames)).toEqual([]);
    expect(await foundIn(hostData, [eventName])).toEqual([]);
    // The export log keeps who exported what, and how many: not the file.
    const logged = (
      await readFile(
        join(hostData, 'exports', 'racedesk-export-log.jsonl'),
        'utf8',
      )
    )
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        list: 'participant-list',
        people: participants,
        fields: expect.arrayContaining(['lastName', 'email']),
        file: '',
        purgedAt: expect.any(String),
      }),
    ]);
    // What LevelDB keeps of the event is sealed under the destroyed key.
    expect(await foundIn(profile, surnames)).toEqual([]);
    expect(await foundIn(profile, [eventName], browserHistoryFiles)).toEqual(
      [],
    );
  } finally {
    await browser?.kill();
    await rm(profile, { recursive: true, force: true });
  }
});

const connectedTest = test.extend<{ central: RunningCentral }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture API.
  central: async ({}, use, testInfo) => {
    const central = await startCentralService(20, testInfo);
    await use(central);
    await central.stop();
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('central.log', {
        body: central.log(),
        contentType: 'text/plain',
      });
    }
  },
});

connectedTest(
  'a connected event keeps the organizer’s retention days from the central service, not the desk’s own',
  async ({ desk, central }, testInfo) => {
    test.slow();
    const organizer = await login(central.url, 'demo');
    const setCentrally = async (retentionDays: number | null) => {
      const reply = await request(
        central.url,
        'PUT',
        `/api/events/${central.eventId}/settings`,
        { token: organizer, body: { retentionDays } },
      );
      expect(reply.status).toBe(200);
    };
    await setCentrally(3);

    await desk.open();
    await new SyncPanel(desk.page).connect({
      url: central.url,
      login: 'demo',
      password: 'demo',
      event: 'Demoløpet 2025',
      deskName: 'Sekretariatet',
    });
    await desk.goTo('Oversikt');
    const days = desk.page.getByLabel('Dager etter arrangementsdatoen');
    await expect(days).toHaveValue('3', { timeout: 15_000 });
    await expect(days).toBeDisabled();
    await expect(
      desk.page.getByText('Satt av arrangøren i den sentrale tjenesten'),
    ).toBeVisible();
    // Not sent yet: the organizer's days count from the hand-over.
    await expect(
      desk.page.getByText(/slettes 3 dager etter at resultatene er sendt/),
    ).toBeVisible();
    await desk.page.screenshot({
      path: testInfo.outputPath('retention-organizer.png'),
    });

    // Cleared centrally: the desk's own (default) days again, to change.
    await setCentrally(null);
    await desk.goTo('Innsjekk');
    await desk.goTo('Oversikt');
    await expect(days).toHaveValue('7', { timeout: 15_000 });
    await expect(days).toBeEnabled();
    await expect(
      desk.page.getByText('Satt av arrangøren i den sentrale tjenesten'),
    ).toHaveCount(0);
  },
);
