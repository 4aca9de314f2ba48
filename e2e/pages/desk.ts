// The desk as a person sees it: found by role and label (the app's
// bokmål texts), never by CSS class.

import { join } from 'node:path';

import { expect, type Locator, type Page } from '@playwright/test';

import { projectRoot } from '../host';
import { registerTypedValues } from '../logPrivacy';
import { scanInto } from '../scanner';
import { signInAsOperator } from './access';

const screenshotDir = join(projectRoot, 'e2e', 'artifacts', 'screenshots');

export class DeskPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Opens the desk, waits for the app's ready signal and signs in. */
  async open() {
    await this.page.goto(this.url);
    await this.waitReady();
    await signInAsOperator(this.page);
  }

  async waitReady() {
    await expect(this.page.locator('body')).toHaveAttribute(
      'data-ready',
      'true',
    );
  }

  /** A reload keeps the operator signed in (the session is per window). */
  async reload() {
    await this.page.reload();
    await this.waitReady();
    await signInAsOperator(this.page);
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: join(screenshotDir, `${name}.png`) });
  }

  // Header and navigation

  get status(): Locator {
    return this.page.getByRole('status', { name: 'Status' });
  }

  /** Waits for the header's "Lagret" (saved) after an action. */
  async expectSaved(detail?: string | RegExp, timeout?: number) {
    await expect(this.status).toContainText('Lagret', { timeout });
    if (detail !== undefined) {
      await expect(this.status).toContainText(detail);
    }
  }

  async expectError(text: string | RegExp) {
    await expect(this.status).toContainText(text);
  }

  async goTo(tab: 'Innsjekk' | 'Oversikt' | 'Startnummerserier' | 'Import') {
    await this.page.getByRole('tab', { name: tab }).click();
  }

  /** Imports an .xlsx as a new event, through preview and commit. */
  async importFile(path: string, eventName: string, participants: number) {
    await this.goTo('Import');
    await this.page.getByLabel('Navn på arrangementet').fill(eventName);
    await this.page
      .getByLabel('Deltakerliste (.xlsx)', { exact: true })
      .first()
      .setInputFiles(path);
    await expect(
      this.page.getByLabel(`Deltakere: ${participants}`, { exact: true }),
    ).toBeVisible({ timeout: 30_000 });
    await this.page.getByRole('button', { name: 'Lagre import' }).click();
    await this.expectSaved('Import lagret', 30_000);
  }

  /** Gives a class its bib range on the Startnummerserier page. */
  async setBibRange(className: string, first: number, last: number) {
    await this.goTo('Startnummerserier');
    await this.page
      .getByLabel(`Første nummer i ${className}`, { exact: true })
      .fill(String(first));
    await this.page
      .getByLabel(`Siste nummer i ${className}`, { exact: true })
      .fill(String(last));
    await this.page
      .getByRole('button', { name: `Lagre serie for ${className}` })
      .click();
    await this.expectSaved('Serie lagret');
    await this.goTo('Innsjekk');
  }

  // Search

  get search(): Locator {
    return this.page.getByRole('combobox', { name: 'Søk' });
  }

  get results(): Locator {
    return this.page
      .getByRole('listbox', { name: 'Treff' })
      .getByRole('option');
  }

  async find(text: string) {
    await this.search.fill(text);
  }

  /** A barcode scanner reads `code`: fast keys, then Enter. */
  async scan(code: string) {
    await this.search.focus();
    await this.search.clear();
    await scanInto(this.page, code);
    await this.expectCardShows(code);
  }

  /** Waits until the open card is the one with this id or bib. */
  async expectCardShows(code: string) {
    await expect(this.card).toBeVisible();
    await expect(this.card).toContainText(code);
  }

  /** Turns "Skanning sjekker inn" (a scan checks in at once) on or off. */
  async setScanChecksIn(on: boolean) {
    const toggle = this.page.getByRole('switch', {
      name: 'Skanning sjekker inn',
    });
    if ((await toggle.isChecked()) !== on) await toggle.click();
    await expect(toggle).toBeChecked({ checked: on });
  }

  /** Opens the participant a person would pick from the results. */
  async pick(name: string | RegExp) {
    await this.results.filter({ hasText: name }).first().click();
    await expect(this.card).toBeVisible();
  }

  /** Types a registration id, person id or bib by hand and opens it. */
  async openByCode(code: string) {
    await this.search.fill(code);
    await this.search.press('Enter');
    await this.expectCardShows(code);
  }

  // The open participant

  /** The open participant's Person-ID, as the card shows it. */
  async personId(): Promise<string> {
    const text = (await this.card.textContent()) ?? '';
    const id = /Person-ID\s*(\d+)/.exec(text)?.[1];
    if (id === undefined) throw new Error(`No Person-ID on the card: ${text}`);
    return id;
  }

  get card(): Locator {
    return this.page.getByRole('region', { name: 'Deltaker' });
  }

  async checkIn() {
    await this.card.getByRole('button', { name: 'Sjekk inn' }).click();
    await this.expectSaved('Innsjekket');
  }

  async undoCheckIn() {
    await this.card.getByRole('button', { name: 'Angre innsjekk' }).click();
    await this.expectSaved('Innsjekk angret');
  }

  async expectCheckedIn() {
    await expect(this.card).toContainText('Sjekket inn kl.');
  }

  async expectNotCheckedIn() {
    await expect(this.card).toContainText('Ikke sjekket inn');
  }

  async nextFreeBib(expected: string) {
    await this.card.getByRole('button', { name: 'Neste ledige nr.' }).click();
    await this.expectSaved(`Startnummer ${expected}`);
  }

  // Late entry

  async addLateEntry(entry: {
    firstName: string;
    lastName: string;
    birthDate: string;
    gender: 'Kvinne' | 'Mann';
    club: string;
    className: string;
    payment: 'Vipps' | 'Kort' | 'Faktura' | 'Kontant';
    amount: string;
  }) {
    // Typed here, so no generator knows it: the log scan must (logPrivacy.ts).
    registerTypedValues({
      names: [`${entry.firstName} ${entry.lastName}`],
      birthDates: [entry.birthDate],
    });
    await this.page.getByRole('button', { name: 'Etteranmelding' }).click();
    const form = this.page.getByRole('dialog', { name: 'Etteranmelding' });
    await form.getByLabel('Fornavn').fill(entry.firstName);
    await form.getByLabel('Etternavn').fill(entry.lastName);
    await form.getByLabel('Fødselsdato').fill(entry.birthDate);
    await form.getByLabel('Kjønn').selectOption({ label: entry.gender });
    await form.getByLabel('Klubb').fill(entry.club);
    await form.getByLabel('Klasse').selectOption({ label: entry.className });
    await form
      .getByLabel('Betalingsmåte')
      .selectOption({ label: entry.payment });
    await form.getByLabel('Beløp (kr)').fill(entry.amount);
    await form
      .getByRole('button', { name: 'Registrer etteranmelding' })
      .click();
    await this.expectSaved('Etteranmeldt');
    await expect(form).toBeHidden();
  }

  async expectBib(bib: string) {
    await expect(this.card).toContainText(`Startnummer${bib}`);
  }

  async assignBib(bib: string) {
    await this.card
      .getByRole('textbox', { name: 'Skriv startnummer' })
      .fill(bib);
    await this.card.getByRole('button', { name: 'Tildel' }).click();
  }
}
