// This desk's bib leases per class: the next bib each class gets from
// them and how many are left, a warning when few are, and asking the
// central service for another block right there, before the box runs
// empty.

import {
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';
import { reasonText } from './syncText';

/** The bound on one lease request in shared/sync/schemas.ts. */
const maxCount = 10_000;

type Answer = { ok: boolean; text: string };

export const LeasePanel = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const leases = store.sync.leases();
  const stock = store.sync.leaseStock();
  const classes = store.classes();
  const [className, setClassName] = useState('');
  const [count, setCount] = useState('20');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);

  const n = Number(count);
  const countOk = Number.isInteger(n) && n >= 1 && n <= maxCount;

  const request = async (forClass: string) => {
    if (!countOk) {
      setAnswer({ ok: false, text: t('sync.leases.badCount') });
      return;
    }
    setBusy(true);
    const result = await store.sync.requestLease(forClass, n);
    setBusy(false);
    setAnswer(
      result.ok
        ? { ok: true, text: t('sync.leases.granted', { ...result.value }) }
        : { ok: false, text: reasonText(result.error, t) },
    );
  };

  const ask = (event: FormEvent) => {
    event.preventDefault();
    void request(className);
  };

  return (
    <Paper
      component="section"
      aria-label={t('sync.leases.title')}
      withBorder
      p="md"
    >
      <Title order={2} size="h4" mb={4}>
        {t('sync.leases.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('sync.leases.intro')}
      </Text>
      {stock.length > 0 && (
        <Table
          aria-label={t('sync.leases.stock')}
          maw={640}
          mb="sm"
          data-testid="lease-stock"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.leases.className')}</Table.Th>
              <Table.Th>{t('sync.leases.next')}</Table.Th>
              <Table.Th ta="right">{t('sync.leases.left')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {stock.map((row) => (
              <Table.Tr key={row.className}>
                <Table.Td>
                  {row.className || t('sync.leases.anyClass')}
                </Table.Td>
                <Table.Td ff="monospace" fw={700}>
                  {row.next ?? t('sync.leases.empty')}
                </Table.Td>
                <Table.Td ta="right">
                  {row.left} / {row.size}
                </Table.Td>
                <Table.Td>
                  {row.low && (
                    <Group gap="xs" wrap="nowrap">
                      <Badge color="orange" variant="light" tt="none">
                        {t('sync.leases.low', { count: row.left })}
                      </Badge>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="orange"
                        loading={busy}
                        disabled={!countOk}
                        onClick={() => void request(row.className)}
                      >
                        {t('sync.leases.askMore', {
                          count: countOk ? n : 0,
                        })}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {leases.length === 0 ? (
        <Text>{t('sync.leases.none')}</Text>
      ) : (
        <Table aria-label={t('sync.leases.title')} maw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.leases.className')}</Table.Th>
              <Table.Th>{t('sync.leases.range')}</Table.Th>
              <Table.Th ta="right">{t('sync.leases.size')}</Table.Th>
              <Table.Th>{t('sync.leases.createdAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {leases.map((lease) => (
              <Table.Tr key={lease.id}>
                <Table.Td>
                  {lease.className || t('sync.leases.anyClass')}
                </Table.Td>
                <Table.Td ff="monospace">
                  {lease.first}–{lease.last}
                </Table.Td>
                <Table.Td ta="right">{lease.last - lease.first + 1}</Table.Td>
                <Table.Td>
                  {formatClock(lease.createdAt, i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={ask}>
        <Group mt="sm" align="flex-end" gap="sm">
          <NativeSelect
            label={t('sync.leases.className')}
            value={className}
            onChange={(e) => setClassName(e.currentTarget.value)}
            data={[
              { value: '', label: t('sync.leases.anyClass') },
              ...classes.map((c) => ({
                value: c.className,
                label: c.className,
              })),
            ]}
            w={200}
          />
          <TextInput
            label={t('sync.leases.count')}
            value={count}
            onChange={(e) => setCount(e.currentTarget.value)}
            inputMode="numeric"
            w={140}
          />
          <Button type="submit" variant="light" loading={busy}>
            {t('sync.leases.ask')}
          </Button>
          {answer !== null && (
            <Text
              size="sm"
              c={answer.ok ? 'green.8' : 'red.8'}
              role={answer.ok ? 'status' : 'alert'}
            >
              {answer.text}
            </Text>
          )}
        </Group>
      </form>
    </Paper>
  );
};
