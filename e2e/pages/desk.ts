// The desk as a person sees it: found by role and label, never by CSS class.

import { join } from 'node:path';

import { expect, type Page } from '@playwright/test';

import { projectRoot } from '../host';

const screenshotDir = join(projectRoot, 'e2e', 'artifacts', 'screenshots');

export class DeskPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /** Opens the desk and waits for the app's own ready signal. */
  async open() {
    await this.page.goto(this.url);
    await this.waitReady();
  }

  async waitReady() {
    await expect(this.page.locator('body')).toHaveAttribute(
      'data-ready',
      'true',
    );
  }

  async reload() {
    await this.page.reload();
    await this.waitReady();
  }

  async screenshot(name: string) {
    await this.page.screenshot({
      path: join(screenshotDir, `${name}.png`),
      fullPage: false,
    });
  }
}
