// The race setup's course in the desk: a wrong control code is named under
// the field and nothing is saved; a valid course is saved, the class's
// results show it as split columns (every control still missing before
// anyone has run), and the timing crew sets DNS, DNF and DSQ per row.

import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';

test('a course is set per class with errors under the field, and statuses per row', async ({
  desk,
}, testInfo) => {
  const file = await writeExportFile(testInfo.outputPath('påmeldte.xlsx'), 20);
  await desk.open();
  await desk.importFile(file.path, 'Løypeløpet', 20);
  const page = desk.page;
  await page.getByRole('tab', { name: 'Resultater' }).click();

  const setup = page.getByRole('region', { name: 'Oppsett per klasse' });
  const className = (
    await setup
      .getByLabel('Klasse', { exact: true })
      .locator('option')
      .nth(1)
      .textContent()
  )?.trim();
  if (!className) throw new Error('no class to set up');
  await setup.getByLabel('Klasse', { exact: true }).selectOption(className);
  await setup.getByLabel('Start', { exact: true }).selectOption('mass');
  await setup.getByLabel('Starttid').fill('10:00:00');
  await setup.getByLabel('Målpost').fill('100');
  await setup.getByLabel('Løype').fill('31 3x 33');
  await setup.getByRole('button', { name: 'Lagre oppsett' }).click();
  await expect(setup).toContainText('Løype: «3x» er ikke en postkode');
  await expect(setup.getByRole('alert')).toHaveText(
    'Oppsettet er ikke lagret: rett feltene som er merket.',
  );
  await setup.getByLabel('Løype').fill('31 100');
  await setup.getByRole('button', { name: 'Lagre oppsett' }).click();
  await expect(setup).toContainText('Løype: 100 er målposten');

  await setup.getByLabel('Løype').fill('31, 32, 33');
  await setup
    .getByLabel('Rekkefølge')
    .selectOption({ label: 'Postene i valgfri rekkefølge' });
  await setup.getByRole('button', { name: 'Lagre oppsett' }).click();
  await expect(setup.getByRole('status')).toHaveText('Oppsettet er lagret');
  await desk.screenshot('course-01-setup-saved');

  // The form shows the class as saved when it is picked again.
  await setup.getByLabel('Klasse', { exact: true }).selectOption('');
  await expect(setup.getByLabel('Løype')).toHaveValue('');
  await setup.getByLabel('Klasse', { exact: true }).selectOption(className);
  await expect(setup.getByLabel('Løype')).toHaveValue('31 32 33');
  await expect(setup.getByLabel('Rekkefølge')).toHaveValue('any-order');

  await page.getByLabel('Vis', { exact: true }).selectOption(className);
  const table = page.getByRole('region', { name: className, exact: true });
  await expect(table.getByRole('columnheader')).toContainText(['Mellomtider']);
  const rows = table.getByTestId('result-row');
  await expect(rows.first().getByTestId('result-splits')).toHaveText(
    '31: –, 32: –, 33: –',
  );

  // DSQ for the first row, by the signed-in operator; then lifted.
  const first = rows.first();
  const name = (await first.locator('td').nth(2).textContent()) ?? '';
  const override = page.getByLabel(`Overstyr status for ${name}`);
  await override.selectOption('dsq');
  await expect(
    table.getByTestId('result-row').filter({ hasText: name }),
  ).toHaveAttribute('data-status', 'dsq');
  await override.selectOption('dnf');
  await expect(
    table.getByTestId('result-row').filter({ hasText: name }),
  ).toHaveAttribute('data-status', 'dnf');
  await table.scrollIntoViewIfNeeded();
  await desk.screenshot('course-02-override');
  await override.selectOption('');
  await expect(
    table.getByTestId('result-row').filter({ hasText: name }),
  ).not.toHaveAttribute('data-status', 'dnf');
});
