// The flow, as a secretariat does it on event day: import the
// iSonen export, find people by typing and by scanning, check in and undo,
// hand out bibs, take a late entry, and find all of it after a reload.

import {
  fullName,
  hasNorwegianLetters,
  typedPlain,
  writeExportFile,
} from './exportFile';
import { expect, test } from './fixtures';

const participants = 300;

test('imports, check-ins, bibs and a late entry survive a reload', async ({
  desk,
}, testInfo) => {
  // The whole flow: about 25 s alone, twice that when the machine is busy.
  test.slow();
  const file = await writeExportFile(
    testInfo.outputPath('påmeldte.xlsx'),
    participants,
  );
  const withLetters = file.people.find(hasNorwegianLetters);
  const scanned = file.people.find(
    (p) =>
      p !== withLetters &&
      p.registrationIds.length === 1 &&
      file.registrations.get(p.registrationIds[0] ?? '')?.size === 1,
  );
  const numbered = file.people.find((p) => p !== withLetters && p !== scanned);
  const other = file.people.find(
    (p) => p !== withLetters && p !== scanned && p !== numbered,
  );
  // A women's class (K…, J…) for the late entry, so her class fits her.
  const womensClass = file.people.find((p) => /^[KJ] /.test(p.className));
  if (!withLetters || !scanned || !numbered || !other || !womensClass) {
    throw new Error('The demo export lacks the people this flow needs');
  }
  const registrationId = scanned.registrationIds[0] ?? '';

  await desk.open();
  await desk.screenshot('01-empty-desk');

  // Import the export as a new event.
  await desk.importFile(file.path, 'Vårløpet 2025', participants);
  await desk.goTo('Innsjekk');
  await desk.screenshot('02-imported');

  // Typed without æ, ø, å: still found.
  await desk.find(typedPlain(fullName(withLetters)));
  await expect(
    desk.results.filter({ hasText: fullName(withLetters) }),
  ).not.toHaveCount(0);
  await desk.screenshot('03-search-without-diacritics');
  await desk.pick(fullName(withLetters));
  await desk.checkIn();
  await desk.expectCheckedIn();
  await desk.screenshot('04-checked-in');
  await desk.undoCheckIn();
  await desk.expectNotCheckedIn();

  // A scanner sends the registration id in one fast burst with Enter. With
  // "Skanning sjekker inn" on, that alone checks the person in; typing the
  // same id by hand only opens the card.
  await desk.setScanChecksIn(true);
  await desk.scan(registrationId);
  expect(await desk.personId()).toBe(scanned.personId);
  await desk.expectSaved('Innsjekket');
  await desk.expectCheckedIn();

  // Bibs: next free from the class range; a taken bib names its holder.
  await desk.setBibRange(numbered.className, 500, 999);
  await desk.find(typedPlain(fullName(numbered)));
  await desk.pick(fullName(numbered));
  await desk.nextFreeBib('500');
  await desk.expectBib('500');
  await desk.find(typedPlain(fullName(other)));
  await desk.pick(fullName(other));
  await desk.assignBib('500');
  const refusal = `Startnummer 500 er allerede gitt til ${fullName(numbered)}`;
  await expect(desk.card).toContainText(refusal);
  await desk.expectError(refusal);
  await desk.expectBib('–');
  await desk.screenshot('05-bib-taken');

  // A late entry.
  await desk.addLateEntry({
    firstName: 'Siri',
    lastName: 'Brændeland',
    birthDate: '03.04.1990',
    gender: 'Kvinne',
    club: 'IL Gneist',
    className: womensClass.className,
    payment: 'Vipps',
    amount: '350',
  });
  await expect(desk.card).toContainText('Siri Brændeland');
  await expect(desk.card).toContainText('Etteranmeldt');
  await desk.screenshot('06-late-entry');

  // Everything is still there after a reload.
  await desk.reload();
  await desk.openByCode(scanned.personId);
  await desk.expectCheckedIn();
  await desk.openByCode(numbered.personId);
  await desk.expectBib('500');
  await desk.openByCode(withLetters.personId);
  await desk.expectNotCheckedIn();
  await desk.find('braendeland');
  await expect(desk.results.filter({ hasText: 'Siri Brændeland' })).toHaveCount(
    1,
  );
  await desk.screenshot('07-after-reload');
});
