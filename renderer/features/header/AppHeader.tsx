import { Badge, Group, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { OperatorMenu } from '../access/OperatorMenu';
import { shortDeskId } from '../participant/CheckInState';
import { RetentionNotice } from '../retention/RetentionNotice';
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

  // Two rows: who and where on top (sync state, event, operator, desk,
  // language), the pages below with what was just saved beside them, so
  // at 1280 px neither the pending count nor "saved" is cut off.
  return (
    <Stack gap={4} px="md" py={6} h="100%" justify="center">
      <Group gap="sm" wrap="nowrap" justify="space-between">
        <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 0' }}>
          <Title order={1} size="h4" c="blue.8" style={{ flexShrink: 0 }}>
            {t('app.title')}
          </Title>
          <SyncIndicator />
          <RetentionNotice />
        </Group>
        <EventPicker />
        <OperatorMenu />
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
      <Group gap="md" wrap="nowrap" justify="space-between">
        <Tabs.List
          aria-label={t('app.nav')}
          style={{ flexWrap: 'nowrap', flexShrink: 0 }}
        >
          {pages.map((page) => (
            <Tabs.Tab key={page} value={page} px="sm" py={4}>
              {t(pageLabel[page])}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <StatusArea />
      </Group>
    </Stack>
  );
};
