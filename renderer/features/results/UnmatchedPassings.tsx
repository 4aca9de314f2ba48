// Passings that matched nobody: a chip nobody holds, a bib nobody has, or
// a time that could not be read. The timing crew pairs or explains them.

import { Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

import type { UnmatchedPassing } from '../../../shared/results/types';

/** How many unmatched passings the page lists. */
const shownAtMost = 100;

export const UnmatchedPassings = memo(function UnmatchedPassings({
  unmatched,
}: {
  unmatched: readonly UnmatchedPassing[];
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
            {newest.map(({ index, passing, reason }) => (
              <Table.Tr key={index} data-testid="unmatched-row">
                <Table.Td ff="monospace">
                  {passing.chip ?? passing.bib ?? ''}
                </Table.Td>
                <Table.Td>{String(passing.station)}</Table.Td>
                <Table.Td ff="monospace">{passing.time}</Table.Td>
                <Table.Td>{t(`results.reasons.${reason}`)}</Table.Td>
              </Table.Tr>
            ))}
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
