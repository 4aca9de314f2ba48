// Two desks and a central service (issue #3): desk A loses the network and
// keeps working, desk B keeps working online, the central office
// deregisters someone. On reconnect both desks show the same state, the
// deregistered person is flagged, and a bib both desks handed out is a
// conflict on both, which a person then settles.

import { join } from 'node:path';

import {
  type Browser,
  type BrowserContext,
  test as base,
  expect,
  type TestInfo,
} from '@playwright/test';

import { fullName } from '../shared/domain/participant';
import {
  type ParticipantDoc,
  type RunningCentral,
  startCentralService,
} from './central';
import { projectRoot, type RunningHost, startHost } from './host';
import { DeskPage } from './pages/desk';
import { SyncPanel } from './pages/sync';
import { openRunLog } from './runLogs';

const screenshotDir = join(projectRoot, 'e2e', 'artifacts', 'screenshots');

type Desk = {
  context: BrowserContext;
  host: RunningHost;
  desk: DeskPage;
  sync: SyncPanel;
  console: string[];
};

const test = base.extend<{ central: RunningCentral }>({
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

const openDesk = async (
  browser: Browser,
  testInfo: TestInfo,
  label: string,
): Promise<Desk> => {
  const host = await startHost({
    dataDir: testInfo.outputPath(`host-${label}`),
    log: openRunLog(`host-${label}`, testInfo),
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const lines: string[] = [];
  const log = openRunLog(`console-${label}`, testInfo);
  const keep = (line: string) => {
    lines.push(line);
    log.line(line);
  };
  page.on('console', (m) => keep(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => keep(`[pageerror] ${e.message}`));
  const desk = new DeskPage(page, host.url);
  await desk.open();
  return { context, host, desk, sync: new SyncPanel(page), console: lines };
};

const shoot = (desk: Desk, name: string) =>
  desk.desk.page.screenshot({ path: join(screenshotDir, `sync-${name}.png`) });

/**
 * What a desk's card shows of a person's day: checked in (and when) or
 * not, and the bib.
 */
const cardState = async (desk: Desk, doc: ParticipantDoc) => {
  await desk.desk.openByCode(doc.participant.personId);
  const text = (await desk.desk.card.textContent()) ?? '';
  return {
    personId: doc.participant.personId,
    checkedIn: /Sjekket inn kl\. \d{1,2}[:.]\d{2}/.exec(text)?.[0] ?? '',
    bib: /Startnummer(\d+|–)/.exec(text)?.[1] ?? '?',
  };
};

/** The download's progress line showed the bar and reached 100 %. */
const expectDownloadCompleted = async (desk: Desk) => {
  const seen = await desk.sync.downloadSeen();
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.at(-1)).toMatch(/dokumenter lastet ned \(100 %\)\|100$/);
};

const overviewText = async (desk: Desk) => {
  await desk.desk.goTo('Oversikt');
  const text = await desk.desk.page
    .getByRole('table', { name: 'Oversikt' })
    .textContent();
  await desk.desk.goTo('Innsjekk');
  return text;
};

test('two desks and a central service agree after one worked offline', async ({
  browser,
  central,
}, testInfo) => {
  // Two hosts, two browser contexts, one central process: measured 2.5
  // and 3.7 min with several helpers' jobs on two cores (load ~22).
  test.setTimeout(360_000);
  const live = (await central.participants()).filter(
    (doc) => doc.participant.status === 'active' && doc.state.bib === '',
  );
  const take = (n: number) => live.splice(0, n);
  const offlineCheckIns = take(20);
  const onlineCheckIns = take(3);
  const [dropped, claimant, holder] = take(3) as [
    ParticipantDoc,
    ParticipantDoc,
    ParticipantDoc,
  ];
  const name = (doc: ParticipantDoc) => fullName(doc.participant);

  const a = await openDesk(browser, testInfo, 'a');
  const b = await openDesk(browser, testInfo, 'b');
  try {
    const form = {
      url: central.url,
      login: 'demo',
      password: 'demo',
      event: 'Demoløpet 2025',
    };
    for (const desk of [a, b]) await desk.sync.watchDownload();
    await a.sync.connect({ ...form, deskName: 'Pult A' });
    await b.sync.connect({ ...form, deskName: 'Pult B' });
    for (const desk of [a, b]) await expectDownloadCompleted(desk);
    await shoot(a, '01-connected');

    // A block of bibs for desk B, shown with its range.
    await b.sync.askForBibs(10);
    await expect(
      b.sync.leases
        .getByRole('table', { name: 'Startnummerblokker for denne pulten' })
        .getByRole('row'),
    ).toHaveCount(2);
    // Per class: the next bib the desk hands out and how many are left.
    const granted = await b.sync.leases.getByRole('status').textContent();
    const first = /Fikk (\d+)–/.exec(granted ?? '')?.[1] ?? '';
    const stock = b.sync.leases.getByRole('table', {
      name: 'Neste startnummer per klasse',
    });
    await expect(stock.getByRole('row').nth(1)).toContainText(
      new RegExp(`Alle klasser${first}10 / 10`),
    );
    await shoot(b, '01b-lease-stock');

    // Desk A loses the network and keeps working.
    await a.context.setOffline(true);
    await a.sync.syncNow();
    await a.sync.expectOffline();
    await a.desk.goTo('Innsjekk');
    for (const [i, doc] of offlineCheckIns.entries()) {
      await a.desk.openByCode(doc.participant.personId);
      await a.desk.checkIn();
      if (i < 5) {
        await a.desk.assignBib(String(801 + i));
        await a.desk.expectSaved(`Startnummer ${801 + i}`);
      }
    }
    await a.desk.openByCode(dropped.participant.personId);
    await a.desk.checkIn();
    await a.desk.openByCode(claimant.participant.personId);
    await a.desk.assignBib('901');
    await a.desk.expectSaved('Startnummer 901');
    await expect(a.sync.indicator).toContainText(/\d+ venter/);
    await shoot(a, '02-offline-with-pending');
    await a.sync.expectCloseWarning();

    // Desk B keeps working online and gives bib 901 to someone else.
    await b.desk.goTo('Innsjekk');
    for (const doc of onlineCheckIns) {
      await b.desk.openByCode(doc.participant.personId);
      await b.desk.checkIn();
    }
    await b.desk.openByCode(holder.participant.personId);
    await b.desk.assignBib('901');
    await b.desk.expectSaved('Startnummer 901');
    await b.sync.expectSynced();

    // The central office deregisters someone desk A has just checked in.
    await central.deregister(dropped.participant);
    await b.desk.openByCode(dropped.participant.personId);
    await expect(b.desk.card).toContainText('AVMELDT', { timeout: 30_000 });

    // Desk A is back.
    await a.context.setOffline(false);
    await a.sync.syncNow();
    await a.sync.expectSynced(60_000);
    await b.sync.syncNow();
    await b.sync.expectSynced();
    await shoot(a, '03-reconnected');

    // Both desks show the same state, and so does the central service.
    const onServer = await central.participants();
    const checkedIn = onServer.filter((doc) => doc.state.checkedIn);
    expect(checkedIn).toHaveLength(offlineCheckIns.length + 3);
    expect(await overviewText(a)).toBe(await overviewText(b));
    // Every person either desk touched, card by card: checked in (and
    // when) and bib the same on both desks, and as the service has them.
    const touched = [
      ...offlineCheckIns,
      ...onlineCheckIns,
      dropped,
      claimant,
      holder,
    ];
    const byPerson = new Map(
      onServer.map((doc) => [doc.participant.personId, doc]),
    );
    const shownOn = async (desk: Desk) => {
      await desk.desk.goTo('Innsjekk');
      const states = [];
      for (const doc of touched) states.push(await cardState(desk, doc));
      return states;
    };
    const onA = await shownOn(a);
    const onB = await shownOn(b);
    expect(onA).toEqual(onB);
    for (const shown of onA) {
      const server = byPerson.get(shown.personId)?.state;
      expect(shown.checkedIn !== '', shown.personId).toBe(
        server?.checkedIn ?? false,
      );
      expect(shown.bib, shown.personId).toBe(server?.bib || '–');
    }
    expect(onA.filter((shown) => shown.checkedIn !== '')).toHaveLength(
      offlineCheckIns.length + onlineCheckIns.length,
    );
    expect(onA.slice(0, 5).map((shown) => shown.bib)).toEqual([
      '801',
      '802',
      '803',
      '804',
      '805',
    ]);

    // The deregistered person is flagged on both desks; desk A's check-in
    // came back refused.
    for (const desk of [a, b]) {
      await desk.desk.openByCode(dropped.participant.personId);
      await expect(desk.desk.card).toContainText('AVMELDT');
      await desk.desk.expectNotCheckedIn();
    }
    await expect(a.desk.card).toContainText(
      'Innsjekk ble avvist: deltakeren er avmeldt',
    );
    await shoot(a, '04-deregistered-flagged');

    // Bib 901: a conflict on both desks, naming both people.
    for (const desk of [a, b]) {
      await desk.sync.goTo();
      const card = desk.sync.conflict('901');
      await expect(card).toBeVisible();
      await expect(card).toContainText(name(holder));
      await expect(card).toContainText(name(claimant));
      await expect(
        desk.desk.page.getByText('1 konflikt å løse').first(),
      ).toBeVisible();
    }
    await shoot(a, '05-conflict-desk-a');
    await shoot(b, '06-conflict-desk-b');
    expect(await central.openConflicts()).toBe(1);

    // Desk B settles it: the claimant gets another bib.
    await b.sync.giveOtherBib('901', name(claimant), '902');
    await b.desk.expectSaved('Startnummer 902');
    await b.sync.syncNow();
    await expect(b.sync.conflicts).toContainText('Ingen konflikter å løse', {
      timeout: 30_000,
    });
    await a.sync.syncNow();
    await expect(a.sync.conflicts).toContainText('Ingen konflikter å løse', {
      timeout: 30_000,
    });
    expect(await central.openConflicts()).toBe(0);
    await shoot(a, '07-conflict-settled');

    // Desk A downloads the event again (as after a restored service):
    // it pushes all its work again and nothing changes or doubles.
    const settled = await central.participants();
    await a.sync.watchDownload();
    await a.sync.goTo();
    await a.sync.connection
      .getByRole('button', { name: 'Last ned arrangementet på nytt' })
      .click();
    await expect(a.sync.connection.getByRole('status')).toContainText(
      'Lastet ned på nytt',
      { timeout: 60_000 },
    );
    await expectDownloadCompleted(a);
    await a.sync.expectSynced();
    await shoot(a, '07b-downloaded-again');
    expect(await central.participants()).toEqual(settled);
    expect(await overviewText(a)).toBe(await overviewText(b));

    // The office revokes desk B: B says why it no longer syncs.
    await central.revokeDesk(await b.sync.deskId());
    await b.sync.syncNow();
    await expect(b.sync.indicator).toContainText(
      /Synkfeil: (pulten er koblet fra av arrangøren|innloggingen gjelder ikke lenger)/,
      { timeout: 30_000 },
    );
    await shoot(b, '08-desk-revoked');
  } finally {
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [label, desk] of [
        ['a', a],
        ['b', b],
      ] as const) {
        await testInfo.attach(`desk-${label}-console.log`, {
          body: desk.console.join('\n'),
          contentType: 'text/plain',
        });
        await testInfo.attach(`desk-${label}-host.log`, {
          body: desk.host.log(),
          contentType: 'text/plain',
        });
      }
    }
    await a.context.close();
    await b.context.close();
    await a.host.stop();
    await b.host.stop();
  }
});
