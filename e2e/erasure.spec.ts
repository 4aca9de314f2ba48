// An erasure and a correction made centrally (issue #5): a desk connected
// to the central service exports the organizer's participant list with
// both people on it, one of them checked in with a bib at this desk; the
// central office erases that one (GDPR) and corrects the other's last
// name and mobile. After the desk's next sync the erased person is found
// by no search, is on no row of the next export and is nowhere in the
// desk's IndexedDB, and the corrected person shows and exports corrected.

import { fullName } from '../shared/domain/participant';
import { columnById } from '../shared/lists/columns';
import {
  type ParticipantDoc,
  type RunningCentral,
  startCentralService,
} from './central';
import { signInCentralOffice } from './centralOffice';
import { test as deskTest, expect } from './fixtures';
import { registerTypedValues } from './logPrivacy';
import { ListsPage, readBack, type Sheet } from './pages/lists';
import { SyncPanel } from './pages/sync';
import { holdsValue, storedInPage } from './storedData';

const test = deskTest.extend<{ central: RunningCentral }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture API.
  central: async ({}, use, testInfo) => {
    const central = await startCentralService(60, testInfo);
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

/**
 * Active people without a bib whose last name, e-mail and mobile no one
 * else's registration data holds (as registrar, say): so a cell or a
 * stored record with one of them can only be theirs.
 */
const distinctPeople = (everyone: readonly ParticipantDoc[]) =>
  everyone.filter(({ participant: p }) => {
    const own = [p.lastName, p.email, p.mobile];
    if (p.status !== 'active' || p.bib !== '' || p.lastName.length < 4) {
      return false;
    }
    if (own.some((value) => value === '')) return false;
    return everyone.every(
      (other) =>
        other.participant.id === p.id ||
        !own.some((value) => JSON.stringify(other.participant).includes(value)),
    );
  });

const column = (sheet: Sheet, id: string) => {
  const header = columnById(id)?.header.nb ?? id;
  const index = sheet.headers.indexOf(header);
  if (index < 0) throw new Error(`The list has no column ${header}`);
  return index;
};

/** The rows whose first and last name are the given ones. */
const rowsOf = (sheet: Sheet, firstName: string, lastName: string) => {
  const first = column(sheet, 'firstName');
  const last = column(sheet, 'lastName');
  return sheet.rows.filter(
    (row) => row[first] === firstName && row[last] === lastName,
  );
};

const cellsHolding = (sheet: Sheet, values: readonly string[]) =>
  sheet.rows
    .flat()
    .filter((cell) => values.some((value) => cell.includes(value)));

/** The stores with a record that holds `value`. */
const storesHolding = (stored: Record<string, string>, value: string) =>
  Object.entries(stored)
    .filter(([, text]) => holdsValue(text, value))
    .map(([store]) => store);

test('an erasure and a correction made centrally reach the desk at its next sync and every later export', async ({
  desk,
  central,
}) => {
  test.slow();
  const [erasedDoc, correctedDoc] = distinctPeople(
    await central.participants(),
  );
  if (!erasedDoc || !correctedDoc) {
    throw new Error('The demo event has no two people with their own data');
  }
  const erased = erasedDoc.participant;
  const before = correctedDoc.participant;
  const erasedName = fullName(erased);
  const changes = { lastName: 'Rettesen-Holm', mobile: '98765432' };
  registerTypedValues({
    names: [`${before.firstName} ${changes.lastName}`],
    mobiles: [changes.mobile],
  });

  await desk.open();
  const sync = new SyncPanel(desk.page);
  await sync.connect({
    url: central.url,
    login: 'demo',
    password: 'demo',
    event: 'Demoløpet 2025',
    deskName: 'Sekretariatet',
  });

  // The person to be erased is checked in here and has a bib, and the
  // central service has heard so.
  await desk.goTo('Innsjekk');
  await desk.openByCode(erased.personId);
  await desk.checkIn();
  await desk.assignBib('801');
  await desk.expectSaved('Startnummer 801');
  const recent = desk.page.getByRole('table', {
    name: 'Siste lagrede handlinger',
  });
  const header = desk.page.getByRole('banner');
  await expect(recent).toContainText(erasedName);
  await expect(header).toContainText(erasedName);
  await sync.syncNow();
  await sync.expectSynced();
  await desk.goTo('Innsjekk');
  await desk.find(erasedName);
  await expect(desk.results.filter({ hasText: erasedName })).toHaveCount(1);

  const lists = new ListsPage(desk.page);
  await lists.open();
  await lists.choose('participant-list');
  const first = await readBack(await lists.export());
  const [erasedRow] = rowsOf(first, erased.firstName, erased.lastName);
  expect(erasedRow?.[column(first, 'email')]).toBe(erased.email);
  expect(erasedRow?.[column(first, 'mobile')]).toBe(erased.mobile);
  expect(erasedRow?.[column(first, 'bib')]).toBe('801');
  expect(rowsOf(first, before.firstName, before.lastName)).toHaveLength(1);
  await lists.shot('erasure-01-exported-before');

  // The central office erases one and corrects the other.
  const office = await signInCentralOffice(central);
  await office.erase(erased.id);
  const after = await office.correct(before, changes);

  await sync.syncNow();
  await sync.expectSynced();

  // The correction is on the card; the correction was sent after the
  // erasure, so once it shows the erasure has been pulled too.
  await desk.goTo('Innsjekk');
  await desk.openByCode(after.personId);
  await expect(desk.card).toContainText(after.lastName, { timeout: 30_000 });
  await expect(desk.card).not.toContainText(before.lastName);
  await desk.find(erasedName);
  await expect(desk.results).toHaveCount(0);
  await desk.find(erased.lastName);
  await expect(desk.results).toHaveCount(0);
  // Nor in what this desk says it saved: the saves stay, the name goes.
  await expect(recent).toContainText('Startnummer 801');
  await expect(recent).not.toContainText(erasedName);
  await expect(header).not.toContainText(erasedName);
  await desk.screenshot('erasure-02-not-found');

  // The next export: no row, no cell of the erased person; the corrected
  // one's row with the new last name and mobile.
  await lists.open();
  await lists.choose('participant-list');
  const second = await readBack(await lists.export());
  expect(second.rows.length).toBe(first.rows.length - 1);
  expect(rowsOf(second, erased.firstName, erased.lastName)).toEqual([]);
  expect(
    cellsHolding(second, [erased.lastName, erased.email, erased.mobile]),
  ).toEqual([]);
  expect(rowsOf(second, before.firstName, before.lastName)).toEqual([]);
  const [correctedRow] = rowsOf(second, after.firstName, after.lastName);
  expect(correctedRow?.[column(second, 'mobile')]).toBe(changes.mobile);
  expect(correctedRow?.[column(second, 'email')]).toBe(before.email);
  expect(cellsHolding(second, [before.mobile])).toEqual([]);

  await expect(lists.log).toHaveCount(2);
  await expect(
    lists.log.filter({ hasText: 'Deltakerliste (arrangør)' }),
  ).toHaveCount(2);
  await lists.shot('erasure-03-exported-after');

  // Nothing of the erased person is left in the desk's participants, not
  // even a tombstone under their id (names are sealed under the event's
  // key, so the ids, which stay readable, are what a record is known by),
  // and a reload, which builds the event from it, finds nobody either.
  const stored = await storedInPage(desk.page);
  const participantStores = (id: string) =>
    storesHolding(stored, `"${id}"`).filter((store) =>
      store.includes('participants'),
    );
  expect(participantStores(after.id).length).toBeGreaterThan(0);
  expect(participantStores(erased.id)).toEqual([]);
  expect(storesHolding(stored, erased.lastName)).toEqual([]);
  await desk.reload();
  await desk.goTo('Innsjekk');
  await desk.find(erasedName);
  await expect(desk.results).toHaveCount(0);
});
