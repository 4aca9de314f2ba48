// Operator access (issue #5, "Access"): nobody sees the desk before signing
// in, a locked or idle desk shows no participant, and wrong passwords are
// refused.

import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { e2eOperator, signInAsOperator } from './pages/access';

test('the first operator is created at the first start, and later starts ask to sign in', async ({
  desk,
  page,
}, testInfo) => {
  await page.goto(desk.url);
  await desk.waitReady();
  await expect(
    page.getByRole('heading', { name: 'Opprett den første operatøren' }),
  ).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Sider' })).toHaveCount(0);
  await desk.screenshot('access-01-first-operator');

  // Two passwords that differ are refused beside the field.
  await page.getByLabel('Brukernavn', { exact: true }).fill(e2eOperator.login);
  await page.getByLabel('Navn', { exact: true }).fill(e2eOperator.name);
  await page.getByLabel('Passord', { exact: true }).fill(e2eOperator.password);
  await page
    .getByLabel('Gjenta passord', { exact: true })
    .fill('noe annet helt');
  await page.getByRole('button', { name: 'Opprett og logg inn' }).click();
  await expect(page.getByText('Passordene er ikke like')).toBeVisible();
  await signInAsOperator(page);
  await expect(
    page.getByRole('button', { name: `Operatør: ${e2eOperator.name}` }),
  ).toBeVisible();

  const file = await writeExportFile(testInfo.outputPath('få.xlsx'), 12);
  await desk.importFile(file.path, 'Klubbløp', 12);
  const person = file.people[0];
  if (!person) throw new Error('The export has nobody');
  const name = `${person.firstName} ${person.lastName}`;

  // Sign out: the sign-in form, and no participant anywhere in the window.
  await page
    .getByRole('button', { name: `Operatør: ${e2eOperator.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Logg ut' }).click();
  await expect(
    page.getByRole('heading', { name: 'Logg inn på skranken' }),
  ).toBeVisible();
  await expect(page.locator('body')).not.toContainText(person.lastName);

  await page.getByLabel('Brukernavn', { exact: true }).fill(e2eOperator.login);
  await page.getByLabel('Passord', { exact: true }).fill('feil passord');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Feil brukernavn eller passord',
  );
  await desk.screenshot('access-02-wrong-password');

  await signInAsOperator(page);
  await desk.goTo('Innsjekk');
  await desk.find(name);
  await expect(desk.results.filter({ hasText: name })).not.toHaveCount(0);
});

test('a locked desk shows nobody, stays locked through a reload, and opens with the password', async ({
  desk,
  page,
}, testInfo) => {
  await desk.open();
  const file = await writeExportFile(testInfo.outputPath('få.xlsx'), 12);
  await desk.importFile(file.path, 'Klubbløp', 12);
  const person = file.people[0];
  if (!person) throw new Error('The export has nobody');

  await page
    .getByRole('button', { name: `Operatør: ${e2eOperator.name}` })
    .click();
  await page.getByRole('menuitem', { name: 'Lås skranken' }).click();
  const locked = page.getByRole('heading', { name: 'Skranken er låst' });
  await expect(locked).toBeVisible();
  await expect(page.locator('body')).not.toContainText(person.lastName);
  await desk.screenshot('access-03-locked');

  await page.reload();
  await desk.waitReady();
  await expect(locked).toBeVisible();

  await page.getByLabel('Passord', { exact: true }).fill(e2eOperator.password);
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await expect(page.getByRole('tablist', { name: 'Sider' })).toBeVisible();
});

test('the desk locks itself after the idle time', async ({ desk, page }) => {
  await page.clock.install();
  await desk.open();
  await expect(page.getByRole('tablist', { name: 'Sider' })).toBeVisible();

  // Ten minutes is the default; nine pass with no lock, then one more.
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('tablist', { name: 'Sider' })).toBeVisible();
  await page.clock.fastForward('01:05');
  await expect(
    page.getByRole('heading', { name: 'Skranken er låst' }),
  ).toBeVisible();
});
