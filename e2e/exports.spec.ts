// Lists with a purpose, exported through the desk as the secretariat does
// it: each file read back with exceljs has exactly its purpose's columns,
// the export log shows each export, and a media reservation the card shows
// at check-in is on the photographers' list.

import { fullName as participantName } from '../shared/domain/participant';
import { foldSheet } from '../shared/isonen/fold';
import { columnById } from '../shared/lists/columns';
import { type ListPurposeId, listPurposes } from '../shared/lists/purposes';
import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { ListsPage, readBack } from './pages/lists';

const participants = 200;

const headersOf = (list: ListPurposeId, columns?: readonly string[]) =>
  (columns ?? listPurposes[list].columns).map(
    (id) => columnById(id)?.header.nb ?? id,
  );

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
  expect(organizer.headers).toEqual(headersOf('participant-list', chosen));
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
  await desk.page
    .getByRole('switch', { name: /Arrangøren tillater ekstern/ })
    .click();
  const external = await readBack(await lists.export());
  expect(external.headers).toEqual(headersOf('external-list'));

  await lists.choose('license-list');
  const license = await readBack(await lists.export());
  expect(license.headers).toEqual(headersOf('license-list'));

  await lists.choose('checkin-list');
  const checkin = await readBack(await lists.export());
  expect(checkin.headers).toEqual(headersOf('checkin-list'));
  expect(checkin.rows).toContainEqual(
    expect.arrayContaining([name, '777', 'Ja']),
  );

  // The reservation seen at check-in is on the media list, with the bib.
  await lists.choose('media-list');
  const media = await readBack(await lists.export());
  expect(media.headers).toEqual(headersOf('media-list'));
  const row = media.rows.find((cells) => cells[1] === name);
  expect(row?.slice(0, 3)).toEqual(['777', name, 'Ja']);
  await lists.shot('exports-04-media-exported');

  // The log has one entry per export, newest first.
  await expect(lists.log).toHaveCount(5);
  await expect(lists.log.first()).toContainText('Mediereservasjoner');
  await expect(lists.log.first()).toContainText('Kari Sekretær');
  for (const list of [
    'Deltakerliste (arrangør)',
    'Deltakerliste (ekstern)',
    'Lisenskontroll',
    'Innsjekk per klasse',
  ]) {
    await expect(lists.log.filter({ hasText: list })).toHaveCount(1);
  }
  await lists.shot('exports-05-export-log');
});

test('the print view has the same columns as the file', async ({
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

  await desk.page.emulateMedia({ media: 'print' });
  const printed = desk.page.getByTestId('print-view');
  await expect(printed).toBeVisible();
  await expect(desk.page.getByRole('tablist', { name: 'Sider' })).toBeHidden();
  const headers = await printed.locator('thead th').allTextContents();
  expect(headers).toEqual(headersOf('license-list'));
  await lists.shot('exports-06-print-view');
  await desk.page.pdf({ path: testInfo.outputPath('lisenskontroll.pdf') });
});
