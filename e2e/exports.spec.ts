// Lists with a purpose, exported through the desk as the secretariat does
// it: each file read back with exceljs has exactly its purpose's columns
// (written out below, not read from listPurposes, so a change to a purpose
// fails here), the export log shows each export and each print, and a
// media reservation the card shows at check-in is on the photographers'
// list by its bib.

import { readFile } from 'node:fs/promises';
import { login, request } from '../central/test/client';
import { fullName as participantName } from '../shared/domain/participant';
import { foldSheet } from '../shared/isonen/fold';
import { columnById } from '../shared/lists/columns';
import { parseExportLog } from '../shared/lists/exportLog';
import type { ListPurposeId } from '../shared/lists/purposes';
import { type RunningCentral, startCentralService } from './central';
import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { ListsPage, readBack } from './pages/lists';
import { SyncPanel } from './pages/sync';

const participants = 200;

/** Each fixed list's headers in bokmål, as DOMAIN.md and issue #5 ask. */
const pinnedHeaders: Record<
  Exclude<ListPurposeId, 'participant-list'>,
  string[]
> = {
  'external-list': ['Navn', 'Klubb', 'Øvelser'],
  'license-list': ['Navn', 'Klubb', 'Lisensprodukt', 'Kjøpt', 'Lisensnummer'],
  'media-list': [
    'Startnummer',
    'Reservert mot bilder',
    'Reservert mot video',
    'Reservert mot strømming',
    'Reservert mot livefeed',
  ],
  'checkin-list': [
    'Klasse',
    'Navn',
    'Startnummer',
    'Sjekket inn',
    'Innsjekket',
  ],
};

/** The organizer's full list: every default column, in this order. */
const fullListHeaders = [
  'Person ID',
  'Buypass ID',
  'Påmeldings-ID',
  'Fornavn',
  'Etternavn',
  'Fødselsdato',
  'Kjønn',
  'Land',
  'Landskode',
  'E-post',
  'Mobil',
  'Klubb',
  'Klubb-ID',
  'Gruppe-ID',
  'Krets/region',
  'Krets/region ID',
  'Øvelser',
  'Deltakerstatus',
  'Etteranmeldt',
  'Startnummer',
  'Brikkenummer',
  'Sjekket inn',
  'Innsjekket',
  'Kommentar',
  'Lisens',
  'Lisensprodukt',
  'Lisensnummer',
  'Påmeldt av',
  'E-post påmelder',
  'Påmeldingstype',
  'Påmeldt',
  'Avmeldt',
  'Betalt',
  'Påmelder betalte',
  'Betalingsmåte',
  'Transaksjons-ID',
  'Alle betalinger',
  'Produkter',
  'Spørsmål',
  'Meldinger',
  'Markedskommunikasjon',
  'Bildesamtykke',
  'Videosamtykke',
  'Strømmesamtykke',
  'Livefeedsamtykke',
];

const chosenHeaders = (columns: readonly string[]) =>
  columns.map((id) => columnById(id)?.header.nb ?? id);

test('each list has exactly its purpose’s columns and is logged', async ({
  desk,
}, testInfo) => {
  test.slow();
  const file = await writeExportFile(
    testInfo.outputPath('påmeldte.xlsx'),
    participants,
  );
  const fold = foldSheet(file.table, { eventId: 'e2e' });
  const names = fold.participants.map(participantName);
  // Someone who said no to photos, with a name nobody else has.
  const reserving = fold.participants.find(
    (p) =>
      p.status === 'active' &&
      p.consents.photo === 'no' &&
      names.filter((name) => name === participantName(p)).length === 1,
  );
  if (!reserving) throw new Error('The demo export has no photo reservation');
  const name = participantName(reserving);

  await desk.open();
  await desk.importFile(file.path, 'Vårløpet 2025', participants);
  await desk.goTo('Innsjekk');

  // At check-in the card shows the reservation; the person gets a bib.
  await desk.find(name);
  await desk.pick(name);
  await expect(desk.card).toContainText('IKKE FOTO');
  await desk.assignBib('777');
  await desk.expectBib('777');
  await desk.checkIn();

  const lists = new ListsPage(desk.page);
  await lists.open();
  await lists.shot('exports-01-page');

  // The organizer's full list, every default column.
  const full = await readBack(await lists.export());
  expect(full.headers).toEqual(fullListHeaders);

  // The organizer's list with a few columns chosen.
  await desk.page.getByRole('button', { name: 'Ingen', exact: true }).click();
  const chosen = ['firstName', 'lastName', 'club', 'bib', 'checkedIn'];
  for (const id of chosen) {
    await desk.page
      .getByRole('checkbox', {
        name: columnById(id)?.header.nb ?? id,
        exact: true,
      })
      .check();
  }
  await lists.shot('exports-02-column-chooser');
  const organizer = await readBack(await lists.export());
  expect(organizer.headers).toEqual(chosenHeaders(chosen));
  expect(organizer.headers).toEqual([
    'Fornavn',
    'Etternavn',
    'Klubb',
    'Startnummer',
    'Sjekket inn',
  ]);
  expect(organizer.rows.length).toBeGreaterThan(0);

  // The external list waits for the organizer's permission.
  await lists.choose('external-list');
  await expect(
    desk.page.getByText('Ekstern deltakerliste er ikke tillatt'),
  ).toBeVisible();
  await expect(
    desk.page.getByRole('button', { name: 'Eksporter til Excel' }),
  ).toBeDisabled();
  await lists.shot('exports-03-external-not-allowed');
  // Turning it on asks first, and records the operator's name.
  await lists.allowExternal(false);
  await expect(
    desk.page.getByText('Ekstern deltakerliste er ikke tillatt'),
  ).toBeVisible();
  await lists.allowExternal(true);
  await expect(lists.permission).toContainText(
    'Tillatt av arrangøren, registrert av Kari Sekretær',
  );
  const external = await readBack(await lists.export());
  expect(external.headers).toEqual(pinnedHeaders['external-list']);

  await lists.choose('license-list');
  const license = await readBack(await lists.export());
  expect(license.headers).toEqual(pinnedHeaders['license-list']);

  await lists.choose('checkin-list');
  const checkin = await readBack(await lists.export());
  expect(checkin.headers).toEqual(pinnedHeaders['checkin-list']);
  expect(checkin.rows).toContainEqual(
    expect.arrayContaining([name, '777', 'Ja']),
  );

  // The reservation seen at check-in is on the media list by its bib,
  // and no name is.
  await lists.choose('media-list');
  const media = await readBack(await lists.export());
  expect(media.headers).toEqual(pinnedHeaders['media-list']);
  const row = media.rows.find((cells) => cells[0] === '777');
  expect(row?.slice(0, 2)).toEqual(['777', 'Ja']);
  expect(media.rows.flat()).not.toContain(name);
  await lists.shot('exports-04-media-exported');

  // The log has one entry per export, newest first.
  await expect(lists.log).toHaveCount(6);
  await expect(lists.log.first()).toContainText('Mediereservasjoner');
  await expect(lists.log.first()).toContainText('Kari Sekretær');
  await expect(
    lists.log.filter({ hasText: 'Deltakerliste (arrangør)' }),
  ).toHaveCount(2);
  for (const list of [
    'Deltakerliste (ekstern)',
    'Lisenskontroll',
    'Innsjekk per klasse',
  ]) {
    await expect(lists.log.filter({ hasText: list })).toHaveCount(1);
  }
  await lists.shot('exports-05-export-log');
});

test('a print is logged and has the same columns as the file', async ({
  desk,
}, testInfo) => {
  const file = await writeExportFile(testInfo.outputPath('påmeldte.xlsx'), 60);
  await desk.open();
  await desk.importFile(file.path, 'Utskriftsløpet', 60);
  const lists = new ListsPage(desk.page);
  await lists.open();
  await lists.choose('license-list');

  // The browser's print dialog cannot be driven; note that it was asked.
  await desk.page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = 'true';
    };
  });
  await desk.page.getByRole('button', { name: 'Skriv ut' }).click();
  await expect(desk.page.locator('body')).toHaveAttribute(
    'data-printed',
    'true',
  );

  // The print is in the export log: who, when, which list and fields, how many.
  await expect(lists.log).toHaveCount(1);
  await expect(lists.log.first()).toContainText('Lisenskontroll');
  await expect(lists.log.first()).toContainText('Utskrift');
  await expect(lists.log.first()).toContainText('Kari Sekretær');
  const logged = parseExportLog(
    await readFile(
      testInfo.outputPath('host-data', 'exports', 'racedesk-export-log.jsonl'),
      'utf8',
    ),
  );
  if (!logged.ok) throw new Error(logged.error.message);
  expect(logged.value).toEqual([
    expect.objectContaining({
      list: 'license-list',
      via: 'print',
      file: '',
      fields: [
        'fullName',
        'club',
        'licenseProduct',
        'licensePurchasedAt',
        'licenseNumber',
      ],
      by: expect.stringContaining('Kari Sekretær'),
    }),
  ]);
  const entry = logged.value[0];
  expect(entry?.people).toBeGreaterThan(0);
  expect(entry?.rows).toBe(entry?.people);
  expect(Number.isNaN(Date.parse(entry?.at ?? ''))).toBe(false);

  await desk.page.emulateMedia({ media: 'print' });
  const printed = desk.page.getByTestId('print-view');
  await expect(printed).toBeVisible();
  await expect(desk.page.getByRole('tablist', { name: 'Sider' })).toBeHidden();
  const headers = await printed.locator('thead th').allTextContents();
  expect(headers).toEqual(pinnedHeaders['license-list']);
  await expect(printed.locator('tbody tr')).toHaveCount(entry?.rows ?? -1);
  await lists.shot('exports-06-print-view');
  await desk.page.pdf({ path: testInfo.outputPath('lisenskontroll.pdf') });
});

const connectedTest = test.extend<{ central: RunningCentral }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture API.
  central: async ({}, use, testInfo) => {
    const central = await startCentralService(40, testInfo);
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
  'a connected event’s external list follows the organizer’s setting in the central service',
  async ({ desk, central }) => {
    test.slow();
    const organizer = await login(central.url, 'demo');
    const setCentrally = async (allow: boolean) => {
      const reply = await request(
        central.url,
        'PUT',
        `/api/events/${central.eventId}/settings`,
        { token: organizer, body: { allowExternalList: allow } },
      );
      expect(reply.status).toBe(200);
    };

    await desk.open();
    await new SyncPanel(desk.page).connect({
      url: central.url,
      login: 'demo',
      password: 'demo',
      event: 'Demoløpet 2025',
      deskName: 'Sekretariatet',
    });
    const lists = new ListsPage(desk.page);
    await lists.open();
    const exportButton = desk.page.getByRole('button', {
      name: 'Eksporter til Excel',
    });

    // Not allowed centrally: no switch on the desk, and no list.
    await lists.choose('external-list');
    await expect(lists.permission).toContainText(
      'ikke tillatt ekstern deltakerliste i sentraltjenesten',
    );
    await expect(
      desk.page.getByRole('switch', { name: /Arrangøren tillater ekstern/ }),
    ).toHaveCount(0);
    await expect(exportButton).toBeDisabled();
    await lists.shot('exports-07-external-central-refused');

    // The organizer allows it in the central service; the desk follows.
    await setCentrally(true);
    await lists.choose('license-list');
    await lists.choose('external-list');
    await expect(lists.permission).toContainText(
      'har tillatt ekstern deltakerliste i sentraltjenesten',
    );
    const external = await readBack(await lists.export());
    expect(external.headers).toEqual(pinnedHeaders['external-list']);
    expect(external.rows.length).toBeGreaterThan(0);

    // Withdrawn centrally: refused again.
    await setCentrally(false);
    await lists.choose('license-list');
    await lists.choose('external-list');
    await expect(lists.permission).toContainText('ikke tillatt');
    await expect(exportButton).toBeDisabled();
    await expect(lists.log.filter({ hasText: 'ekstern' })).toHaveCount(1);
  },
);
