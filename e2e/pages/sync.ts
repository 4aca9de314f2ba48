// The desk's sync as a person sees it: the Synkronisering page and the
// header's sync state, found by role and label (bokmål texts).

import { expect, type Locator, type Page } from '@playwright/test';

export type ConnectForm = {
  url: string;
  login: string;
  password: string;
  /** The event's name as the list shows it (a part is enough). */
  event: string | RegExp;
  deskName: string;
};

export class SyncPanel {
  constructor(readonly page: Page) {}

  async goTo() {
    await this.page.getByRole('tab', { name: 'Synkronisering' }).click();
  }

  /** The header's sync state, on every page. */
  get indicator(): Locator {
    return this.page.getByRole('status', { name: 'Synkronisering' });
  }

  /** Signs in, picks the event, names the desk and downloads it. */
  async connect(form: ConnectForm) {
    await this.goTo();
    const section = this.page.getByRole('region', {
      name: 'Koble pulten til en sentraltjeneste',
    });
    await section.getByLabel('Adresse til sentraltjenesten').fill(form.url);
    await section.getByLabel('Brukernavn').fill(form.login);
    await section.getByLabel('Passord').fill(form.password);
    await section.getByRole('button', { name: 'Logg inn' }).click();

    const eventList = section.getByLabel('Arrangement på sentraltjenesten');
    await expect(eventList).toBeVisible();
    const option = eventList.locator('option').filter({ hasText: form.event });
    const value = await option.first().getAttribute('value');
    await eventList.selectOption(value ?? '');
    await section.getByLabel('Navn på pulten').fill(form.deskName);
    await section.getByRole('button', { name: 'Koble til' }).click();

    await expect(this.connection).toBeVisible({ timeout: 60_000 });
    await this.expectSynced();
  }

  /**
   * Starts keeping every text the download's progress line shows, for
   * downloadSeen: the connect form goes away as soon as it is done.
   */
  async watchDownload() {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { downloadSeen: string[] }).downloadSeen = seen;
      const keep = () => {
        const line = document.querySelector(
          '[data-testid="download-progress"]',
        );
        const bar = line?.parentElement?.querySelector('[role="progressbar"]');
        const text = `${line?.textContent ?? ''}|${bar?.getAttribute('aria-valuenow') ?? ''}`;
        if (line && seen.at(-1) !== text) seen.push(text);
      };
      new MutationObserver(keep).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    });
  }

  /** What the progress line and bar showed since watchDownload, in order. */
  async downloadSeen(): Promise<string[]> {
    return this.page.evaluate(
      () =>
        (window as unknown as { downloadSeen?: string[] }).downloadSeen ?? [],
    );
  }

  get connection(): Locator {
    return this.page.getByRole('region', { name: 'Tilkobling' });
  }

  /** The desk id the central service knows this desk by. */
  async deskId(): Promise<string> {
    await this.goTo();
    const text = (await this.connection.textContent()) ?? '';
    const id = /Pult-id\s*([0-9a-f-]{36})/i.exec(text)?.[1];
    if (id === undefined) throw new Error(`No desk id shown: ${text}`);
    return id;
  }

  async syncNow() {
    await this.goTo();
    await this.connection
      .getByRole('button', { name: 'Synkroniser nå' })
      .click();
  }

  /** Everything pushed and pulled: "Synkronisert HH:MM", nothing waiting. */
  async expectSynced(timeout = 30_000) {
    await expect(this.indicator).toContainText('Synkronisert', { timeout });
    await expect(this.indicator).not.toContainText('venter');
  }

  async expectOffline() {
    await expect(this.indicator).toContainText('Frakoblet siden', {
      timeout: 30_000,
    });
  }

  /** Reloading asks first (beforeunload); the person stays. */
  async expectCloseWarning() {
    const dialogSeen = this.page.waitForEvent('dialog');
    const reloading = this.page.evaluate(() => window.location.reload());
    const dialog = await dialogSeen;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await reloading;
  }

  get leases(): Locator {
    return this.page.getByRole('region', {
      name: 'Startnummerblokker for denne pulten',
    });
  }

  /** Asks the central service for a block of bibs for any class. */
  async askForBibs(count: number) {
    await this.goTo();
    await this.leases.getByLabel('Antall numre').fill(String(count));
    await this.leases
      .getByRole('button', { name: 'Be om flere startnumre' })
      .click();
    await expect(this.leases.getByRole('status')).toContainText(/Fikk \d+–\d+/);
  }

  get conflicts(): Locator {
    return this.page.getByRole('region', { name: 'Startnummerkonflikter' });
  }

  conflict(bib: string): Locator {
    return this.conflicts.getByRole('article', {
      name: `Startnummer ${bib} er gitt til to`,
    });
  }

  /** Gives one side of a conflict another bib, typed. */
  async giveOtherBib(bib: string, name: string, newBib: string) {
    const card = this.conflict(bib);
    await card.getByLabel(`Annet nummer til ${name}`).fill(newBib);
    await card
      .getByRole('group', { name: new RegExp(`: ${name}$`) })
      .getByRole('button', { name: 'Gi nummeret' })
      .click();
  }
}
