// How far check-in has come: per class, and over time.

import { BarChart } from '@mantine/charts';
import {
  Group,
  Paper,
  Progress,
  ScrollArea,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { dateFormat } from '../../i18n/formats';
import { RetentionPanel } from '../retention/RetentionPanel';
import { useDesk, useStoreVersion } from '../shell/deskContext';

const bucketMinutes = 15;

export const OverviewPage = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const version = useStoreVersion(store);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change signal.
  const classes = useMemo(() => store.classes(), [store, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change signal.
  const points = useMemo(() => {
    const clock = dateFormat(i18n.language, {
      hour: '2-digit',
      minute: '2-digit',
    });
    return store
      .checkInsOverTime(bucketMinutes)
      .map((p) => ({ time: clock.format(new Date(p.at)), count: p.count }));
  }, [store, version, i18n.language]);

  const total = classes.reduce((s, c) => s + c.total, 0);
  const checkedIn = classes.reduce((s, c) => s + c.checkedIn, 0);
  const share = (n: number, of: number) =>
    of === 0 ? 0 : Math.round((n / of) * 100);

  return (
    <Group align="flex-start" gap="md" wrap="nowrap">
      <Paper withBorder p="sm" style={{ flex: 3, minWidth: 0 }}>
        <Title order={2} size="h5" mb="xs">
          {t('overview.title')}
        </Title>
        <ScrollArea.Autosize mah="calc(100dvh - 130px)">
          <Table striped stickyHeader aria-label={t('overview.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('overview.className')}</Table.Th>
                <Table.Th ta="right">{t('overview.checkedIn')}</Table.Th>
                <Table.Th ta="right">{t('overview.total')}</Table.Th>
                <Table.Th w={160}>{t('overview.share')}</Table.Th>
                <Table.Th ta="right">{t('overview.deregistered')}</Table.Th>
                <Table.Th>{t('overview.range')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {classes.map((c) => (
                <Table.Tr key={c.className}>
                  <Table.Td fw={600}>{c.className}</Table.Td>
                  <Table.Td ta="right">{c.checkedIn}</Table.Td>
                  <Table.Td ta="right">{c.total}</Table.Td>
                  <Table.Td>
                    <Progress
                      value={share(c.checkedIn, c.total)}
                      aria-label={`${c.className} ${share(c.checkedIn, c.total)} %`}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{c.deregistered || ''}</Table.Td>
                  <Table.Td ff="monospace">
                    {c.range ? `${c.range.first}–${c.range.last}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('overview.sum')}</Table.Th>
                <Table.Th ta="right">{checkedIn}</Table.Th>
                <Table.Th ta="right">{total}</Table.Th>
                <Table.Th>{share(checkedIn, total)} %</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
      <Paper withBorder p="sm" style={{ flex: 2, minWidth: 0 }}>
        <Group justify="space-between" align="baseline" mb="xs">
          <Title order={2} size="h5">
            {t('overview.chart')}
          </Title>
          <Text size="xl" fw={800} aria-label={t('overview.checkedIn')}>
            {checkedIn} / {total}
          </Text>
        </Group>
        {points.length === 0 ? (
          <Text c="dimmed">{t('overview.noCheckIns')}</Text>
        ) : (
          <BarChart
            h={260}
            data={points}
            dataKey="time"
            maxBarWidth={36}
            yAxisProps={{ allowDecimals: false }}
            series={[
              {
                name: 'count',
                label: t('overview.perBucket'),
                color: 'blue.6',
              },
            ]}
            aria-label={t('overview.chart')}
          />
        )}
        <RetentionPanel />
      </Paper>
    </Group>
  );
};
