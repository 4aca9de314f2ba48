// What this desk saved in this session, newest first: lets the operator
// see at a glance that the last few check-ins went through.

import { Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatClock } from '../participant/participantFacts';
import { useDesk } from '../shell/deskContext';

export const RecentActions = () => {
  const { t, i18n } = useTranslation();
  const { history } = useDesk();
  if (history.length === 0) return null;

  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={2}>
        {t('recent.title')}
      </Text>
      <Table aria-label={t('recent.title')} verticalSpacing={2} fz="xs">
        <Table.Tbody>
          {history.map((saved) => (
            <Table.Tr key={saved.seq}>
              <Table.Td w={70} ff="monospace">
                {formatClock(saved.at, i18n.language)}
              </Table.Td>
              <Table.Td w={220}>
                {t(saved.what.key, saved.what.params ?? {})}
              </Table.Td>
              <Table.Td>{saved.name}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
};
