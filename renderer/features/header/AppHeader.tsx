import { Badge, Group, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { shortDeskId } from '../participant/CheckInState';
import { useDesk } from '../shell/deskContext';
import { type Page, pages } from '../shell/pages';
import { EventPicker } from './EventPicker';
import { LanguageSwitch } from './LanguageSwitch';
import { StatusArea } from './StatusArea';
import { SyncIndicator } from './SyncIndicator';

const pageLabel: Record<Page, string> = {
  desk: 'nav.desk',
  overview: 'nav.overview',
  ranges: 'nav.bibRanges',
  results: 'results.nav',
  devices: 'devices.nav',
  exports: 'exports.nav',
  sync: 'sync.nav',
  import: 'nav.import',
};

export const AppHeader = () => {
  const { t } = useTranslation();
  const { store } = useDesk();

  return (
    <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
      <Group gap="md" wrap="nowrap">
        <Title order={1} size="h4" c="blue.8">
          {t('app.title')}
        </Title>
        <Tabs.List aria-label={t('app.nav')} style={{ flexWrap: 'nowrap' }}>
          {pages.map((page) => (
            <Tabs.Tab key={page} value={page} px="sm">
              {t(pageLabel[page])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Group>
      <Group
        gap="sm"
        wrap="nowrap"
        style={{ flex: 1, minWidth: 0 }}
        justify="flex-end"
      >
        <StatusArea />
        <SyncIndicator />
        <EventPicker />
        <Badge
          variant="outline"
          color="gray"
          ff="monospace"
          title={`${t('app.deskIdLabel')}: ${store.deskId}`}
          style={{ flexShrink: 0 }}
        >
          {t('app.deskId', { id: shortDeskId(store.deskId) })}
        </Badge>
        <LanguageSwitch />
      </Group>
    </Group>
  );
};
