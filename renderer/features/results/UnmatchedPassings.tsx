// Passings that matched nobody: a chip nobody holds, a bib nobody has, or
// a time that could not be read. The timing crew pairs or explains them.
// The punches of a card read out that nobody holds are one row for the
// card (liveResults.unmatchedRows); station passings one row each.

import { Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { UnmatchedRow } from './liveResults';

/** How many unmatched passings the page lists. */
const shownAtMost = 100;

export const UnmatchedPassings = memo(function UnmatchedPassings({
  unmatched,
}: {
  unmatched: readonly UnmatchedRow[];
}) {
  const { t } = useTranslation();
  // Newest first, and only the latest: a crew pairs what just came in, and
  // a reader left on the line can add thousands during a race.
  const newest = unmatched.slice(-shownAtMost).reverse();
  return (
    <section aria-label={t('results.unmatched')}>
      <Title order={3}>{t('results.unmatched')}</Title>
      {unmatched.length === 0 ? (
        <Text c="dimmed">{t('results.noUnmatched')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {newest.map((row) =>
              row.kind === 'card' ? (
                <Table.Tr
                  key={`card-${row.chip}`}
                  data-testid="unmatched-row"
                  data-kind="card"
                >
                  <Table.Td ff="monospace">{row.chip}</Table.Td>
                  <Table.Td colSpan={3}>
                    {t('results.unknownCard', {
                      chip: row.chip,
                      count: row.punches,
                    })}
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={row.index} data-testid="unmatched-row">
                  <Table.Td ff="monospace">
                    {row.passing.chip ?? row.passing.bib ?? ''}
                  </Table.Td>
                  <Table.Td>{String(row.passing.station)}</Table.Td>
                  <Table.Td ff="monospace">{row.passing.time}</Table.Td>
                  <Table.Td>{t(`results.reasons.${row.reason}`)}</Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      {unmatched.length > shownAtMost && (
        <Text size="sm" c="dimmed">
          {t('results.moreUnmatched', {
            count: unmatched.length - shownAtMost,
          })}
        </Text>
      )}
    </section>
  );
});
