// Operator sign-in as a secretariat member does it: the first start of a
// desk creates the first operator; later starts sign in. One operator for
// every spec, so a browser profile reopened later signs in again.

import { expect, type Page } from '@playwright/test';

export const e2eOperator = {
  login: 'kari',
  name: 'Kari Sekretær',
  password: 'sekretariat-2026',
};

/** Signs in through whichever gate the desk shows; no-op when signed in. */
export const signInAsOperator = async (
  page: Page,
  operator = e2eOperator,
): Promise<void> => {
  const first = page.getByRole('heading', {
    name: 'Opprett den første operatøren',
  });
  const signIn = page.getByRole('heading', { name: 'Logg inn på skranken' });
  const shell = page.getByRole('tablist', { name: 'Sider' });
  await expect(first.or(signIn).or(shell)).toBeVisible();
  if (await shell.isVisible()) return;

  if (await first.isVisible()) {
    await page.getByLabel('Brukernavn', { exact: true }).fill(operator.login);
    await page.getByLabel('Navn', { exact: true }).fill(operator.name);
    await page.getByLabel('Passord', { exact: true }).fill(operator.password);
    await page
      .getByLabel('Gjenta passord', { exact: true })
      .fill(operator.password);
    await page.getByRole('button', { name: 'Opprett og logg inn' }).click();
  } else {
    await page.getByLabel('Brukernavn', { exact: true }).fill(operator.login);
    await page.getByLabel('Passord', { exact: true }).fill(operator.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
  }
  await expect(shell).toBeVisible();
};
