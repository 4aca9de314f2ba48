// A check-in the desk showed as saved survives the browser being killed:
// "Lagret" must not appear before IndexedDB has committed the write.
// SIGKILL loses only what Chromium had not yet handed to the OS; a power
// cut (which strict durability guards against) would also lose what the OS
// had not flushed, and is not simulated here.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type KillableBrowser, launchKillableChromium } from './browserProcess';
import { writeExportFile } from './exportFile';
import { expect, test } from './fixtures';
import { DeskPage } from './pages/desk';

test('a saved check-in survives SIGKILL of the browser', async ({
  host,
}, testInfo) => {
  // Two browser starts on a real profile; slow on a busy machine.
  test.slow();
  const profile = await mkdtemp(join(tmpdir(), 'racedesk-profile-'));
  const browsers: KillableBrowser[] = [];
  const launch = async () => {
    const browser = await launchKillableChromium(profile);
    browsers.push(browser);
    return new DeskPage(browser.page, host.url);
  };
  try {
    const desk = await launch();
    await desk.open();
    const file = await writeExportFile(testInfo.outputPath('små.xlsx'), 40);
    await desk.importFile(file.path, 'Kveldsløp', 40);
    await desk.goTo('Innsjekk');
    const person = file.people[0];
    if (person === undefined) throw new Error('The export has nobody active');
    await desk.openByCode(person.personId);
    await desk.expectNotCheckedIn();
    await desk.checkIn();
    await desk.expectCheckedIn();

    await browsers[0]?.kill();

    const again = await launch();
    await again.open();
    await again.openByCode(person.personId);
    expect(await again.personId()).toBe(person.personId);
    await again.expectCheckedIn();
  } finally {
    await Promise.all(browsers.map((browser) => browser.kill()));
    await rm(profile, { recursive: true, force: true });
  }
});
