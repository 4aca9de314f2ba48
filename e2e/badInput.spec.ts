// Bad input at the desk (issue #2): a file that is no spreadsheet, a
// spreadsheet that is no iSonen export, rows the import cannot take, and
// typed values the desk must refuse. Each gets a message saying what is
// wrong and where, and nothing stored changes.

import { writeFile } from 'node:fs/promises';

import type { Page } from '@playwright/test';

import { writeSheet } from '../node/xlsx/writeSheet';
import { exportWithProblems, memberList } from '../shared/demo/badExport';
import { isonenHeaders } from '../shared/demo/exportColumns';
import { fullName, typedPlain, writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import type { DeskPage } from './pages/desk';

const participants = 60;

/** The Excel column letter of an iSonen header (A, B, …, AA, …). */
const letterOf = (header: string): string => {
  let n = isonenHeaders.indexOf(header as (typeof isonenHeaders)[number]) + 1;
  if (n === 0) throw new Error(`No iSonen column ${header}`);
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** Reads a file on the import page without committing it. */
const chooseFile = async (page: Page, path: string) => {
  await page
    .getByLabel('Deltakerliste (.xlsx)', { exact: true })
    .first()
    .setInputFiles(path);
};

/** Points the import page at the event already imported. */
const targetExisting = async (desk: DeskPage, eventName: string) => {
  await desk.goTo('Import');
  await desk.page.getByText('Oppdater eksisterende', { exact: true }).click();
  await desk.page
    .getByLabel('Arrangement som skal oppdateres')
    .selectOption({ label: eventName });
};

const problemRows = (page: Page) =>
  page.getByRole('table', { name: 'Problemer' }).getByRole('row');

test('a file that is not an iSonen export is refused and stores nothing', async ({
  desk,
}, testInfo) => {
  test.slow();
  const file = await writeExportFile(
    testInfo.outputPath('påmeldte.xlsx'),
    participants,
  );
  const [checkedIn, other] = file.people;
  if (!checkedIn || !other) throw new Error('The export has too few people');

  await desk.open();
  await desk.importFile(file.path, 'Vårløpet 2025', participants);
  await desk.goTo('Innsjekk');
  await desk.openByCode(checkedIn.personId);
  await desk.checkIn();

  // A text file with an .xlsx name: the reader says it cannot read it.
  const text = testInfo.outputPath('notat.xlsx');
  await writeFile(text, 'Fornavn;Etternavn\nKari;Nordmann\n');
  await targetExisting(desk, 'Vårløpet 2025');
  await chooseFile(desk.page, text);
  const alert = desk.page.getByRole('alert');
  await expect(alert).toContainText('Kunne ikke lese filen');
  await expect(
    desk.page.getByRole('button', { name: 'Lagre import' }),
  ).toHaveCount(0);
  await desk.screenshot('bad-input-01-not-a-spreadsheet');

  // A club's member list: read fine, but the preview names what it lacks.
  const members = testInfo.outputPath('medlemmer.xlsx');
  await writeSheet(memberList(), members);
  await chooseFile(desk.page, members);
  await expect(alert).toBeHidden();
  const refusal = problemRows(desk.page).filter({
    hasText: 'Dette er ikke en deltakerliste fra iSonen',
  });
  await expect(refusal).toHaveCount(1);
  await expect(refusal).toContainText('Fornavn, Etternavn');
  await expect(
    desk.page.getByText('Ingenting er lagret før du trykker'),
  ).toBeVisible();
  await desk.screenshot('bad-input-02-not-an-isonen-export');
  // Even pressing "Lagre import" on it must not touch the event.
  await desk.page.getByRole('button', { name: 'Lagre import' }).click();
  await expect(alert).toContainText(
    'Filen kan ikke importeres – se problemet i forhåndsvisningen',
  );
  await expect(desk.status).not.toContainText('Import lagret');

  // The event is as it was: same people, the check-in kept.
  await desk.reload();
  await desk.goTo('Innsjekk');
  await desk.openByCode(checkedIn.personId);
  await desk.expectCheckedIn();
  await desk.openByCode(other.personId);
  await desk.expectNotCheckedIn();
  await desk.find(typedPlain(fullName(other)));
  await expect(
    desk.results.filter({ hasText: fullName(other) }),
  ).not.toHaveCount(0);
});

test('bad rows are listed by row and column, skipped, or fixed in place', async ({
  desk,
}, testInfo) => {
  test.slow();
  const path = testInfo.outputPath('med-feil.xlsx');
  // Rows 2-3 good; 4 no name, 5 31.02.1990, 6 gender X, 7 repeats row 2,
  // 8 an unknown status (a warning only).
  await writeSheet(exportWithProblems(), path);

  await desk.open();
  await desk.goTo('Import');
  await desk.page.getByLabel('Navn på arrangementet').fill('Feilløpet');
  await chooseFile(desk.page, path);

  const expected = [
    { row: 4, column: 'Fornavn', text: 'deltakeren har ikke navn' },
    { row: 5, column: 'Fødselsdato', text: '"31.02.1990" er ikke en gyldig' },
    { row: 6, column: 'Kjønn', text: '"X" er ikke et kjønn' },
    // A repeat is the whole row: no column, but the row it repeats.
    { row: 7, column: '', text: 'samme person er allerede påmeldt' },
  ];
  for (const { row, column, text } of expected) {
    const line = problemRows(desk.page).filter({ hasText: text });
    await expect(line).toHaveCount(1);
    const cells = line.getByRole('cell');
    await expect(cells.nth(1)).toHaveText(String(row));
    if (column !== '') await expect(cells.nth(2)).toHaveText(letterOf(column));
    else await expect(line).toContainText('i rad 2; denne raden er en dublett');
    // Rows with errors are skipped unless the operator says otherwise.
    await expect(
      desk.page.getByRole('checkbox', { name: `Hopp over rad ${row}` }),
    ).toBeChecked();
  }
  await expect(
    desk.page.getByRole('checkbox', { name: 'Hopp over rad 8' }),
  ).not.toBeChecked();
  await desk.screenshot('bad-input-03-problem-rows');

  // Fix the impossible date in place and preview again.
  await desk.page
    .getByLabel('Ny verdi for rad 5, Fødselsdato')
    .fill('28.02.1990');
  await desk.page
    .getByRole('button', { name: 'Kjør forhåndsvisning på nytt' })
    .click();
  await expect(
    problemRows(desk.page).filter({ hasText: '31.02.1990' }),
  ).toHaveCount(0);
  await expect(
    desk.page.getByRole('checkbox', { name: 'Hopp over rad 5' }),
  ).toHaveCount(0);
  await desk.page.getByRole('button', { name: 'Lagre import' }).click();
  await desk.expectSaved('Import lagret', 30_000);

  // The fixed row came in; the skipped ones did not. Person ids are
  // 1200000 + n for "Kari n" (shared/demo/badExport.ts).
  await desk.goTo('Innsjekk');
  await desk.openByCode('1200004');
  await expect(desk.card).toContainText('Kari 4 Nordmann');
  await desk.openByCode('1200001');
  await expect(desk.card).toContainText('Kari 1 Nordmann');
  for (const skipped of ['1200003', '1200005', 'REG1B']) {
    await desk.find(skipped);
    await expect(desk.page.getByText('0 treff', { exact: true })).toBeVisible();
    await expect(desk.results).toHaveCount(0);
  }
  await desk.find('Nordmann');
  // Kari 1, 2, 4 and 6 (the warning row); not 3, 5 or the repeat.
  await expect(desk.results).toHaveCount(4);
});

test('a bad late entry, bib or bib range is refused and changes nothing', async ({
  desk,
}, testInfo) => {
  test.slow();
  const file = await writeExportFile(
    testInfo.outputPath('påmeldte.xlsx'),
    participants,
  );
  const [person] = file.people;
  if (!person) throw new Error('The export has no people');

  await desk.open();
  await desk.importFile(file.path, 'Vårløpet 2025', participants);
  await desk.goTo('Innsjekk');

  // A late entry with an impossible birth date and no last name.
  await desk.page.getByRole('button', { name: 'Etteranmelding' }).click();
  const form = desk.page.getByRole('dialog', { name: 'Etteranmelding' });
  await form.getByLabel('Fornavn').fill('Ulrikke');
  await form.getByLabel('Fødselsdato').fill('31.02.1990');
  await form.getByLabel('Klubb').fill('IL Gneist');
  await form.getByLabel('Beløp (kr)').fill('350');
  await form.getByRole('button', { name: 'Registrer etteranmelding' }).click();
  await expect(form.getByLabel('Etternavn')).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form).toContainText('Må fylles ut');
  await expect(form).toContainText('Skriv datoen som dd.mm.åååå');
  await desk.screenshot('bad-input-04-late-entry');
  await form.getByRole('button', { name: 'Avbryt' }).click();
  await expect(form).toBeHidden();
  await desk.find('Ulrikke');
  await expect(desk.page.getByText('0 treff', { exact: true })).toBeVisible();

  // Bibs typed as letters or 0.
  await desk.openByCode(person.personId);
  for (const bib of ['abc', '0']) {
    await desk.assignBib(bib);
    const refusal = `Et startnummer er et positivt heltall, ikke «${bib}»`;
    await expect(desk.card).toContainText(refusal);
    await desk.expectBib('–');
  }

  // A range whose last number comes before its first.
  await desk.goTo('Startnummerserier');
  const first = desk.page.getByLabel(`Første nummer i ${person.className}`, {
    exact: true,
  });
  const last = desk.page.getByLabel(`Siste nummer i ${person.className}`, {
    exact: true,
  });
  await first.fill('900');
  await last.fill('100');
  await desk.page
    .getByRole('button', { name: `Lagre serie for ${person.className}` })
    .click();
  await expect(
    desk.page.getByText('Siste nummer må være større enn eller lik første'),
  ).toBeVisible();
  await desk.screenshot('bad-input-05-bib-range');

  // After a reload: no late entry, no bib, no range.
  await desk.reload();
  await desk.goTo('Startnummerserier');
  await expect(first).toHaveValue('');
  await expect(last).toHaveValue('');
  await desk.goTo('Innsjekk');
  await desk.find('Ulrikke');
  await expect(desk.page.getByText('0 treff', { exact: true })).toBeVisible();
  await desk.openByCode(person.personId);
  await desk.expectBib('–');
  await desk.expectNotCheckedIn();
});
