// The desk's frame: header with navigation, event, desk id, language and
// status; one page below it.

import { AppShell, Tabs } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';

import { BibRangesPage } from '../bib-ranges/BibRangesPage';
import { DeskPage } from '../desk/DeskPage';
import { DevicesPage } from '../devices/DevicesPage';
import { usePassingFeed } from '../devices/usePassingFeed';
import { ExportsPage } from '../exports/ExportsPage';
import { AppHeader } from '../header/AppHeader';
import { ImportPage } from '../import/ImportPage';
import { OverviewPage } from '../overview/OverviewPage';
import { ResultsPage } from '../results/ResultsPage';
import { SyncPage } from '../sync/SyncPage';
import { useDesk, useStoreVersion } from './deskContext';
import { EmptyEvent } from './EmptyEvent';
import { isPage, type Page } from './pages';

export const DeskShell = () => {
  const { store } = useDesk();
  useStoreVersion(store);
  usePassingFeed(store);
  const [page, setPage] = useState<Page>('desk');
  const event = store.activeEvent();
  const hasEvent = event !== null;

  // The window title names the event, so the taskbar tells desks apart.
  useEffect(() => {
    document.title = event ? `${event.name} – Racedesk` : 'Racedesk';
  }, [event]);

  const needsEvent = (content: ReactNode) =>
    hasEvent ? content : <EmptyEvent onImport={() => setPage('import')} />;

  return (
    <Tabs
      value={page}
      onChange={(value) => {
        if (isPage(value)) setPage(value);
      }}
      variant="pills"
      keepMounted={false}
      activateTabWithKeyboard={false}
    >
      <AppShell header={{ height: 88 }} padding="sm">
        <AppShell.Header>
          <AppHeader />
        </AppShell.Header>
        <AppShell.Main h="100dvh" style={{ display: 'flex' }}>
          <div style={{ flex: 1, minHeight: 0, minWidth: 0 }}>
            <Tabs.Panel value="desk" h="100%">
              {needsEvent(<DeskPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="overview">
              {needsEvent(<OverviewPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="ranges">
              {needsEvent(<BibRangesPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="results">
              {needsEvent(<ResultsPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="devices">
              {needsEvent(<DevicesPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="exports">
              {needsEvent(<ExportsPage />)}
            </Tabs.Panel>
            <Tabs.Panel value="sync">
              <SyncPage />
            </Tabs.Panel>
            <Tabs.Panel value="import">
              <ImportPage onImported={() => setPage('desk')} />
            </Tabs.Panel>
          </div>
        </AppShell.Main>
      </AppShell>
    </Tabs>
  );
};
