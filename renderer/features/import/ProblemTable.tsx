// Every problem the preview found, paged, with a way to skip its row or
// retype its cell. Fixes wait until the preview is run again.

import {
  Badge,
  Checkbox,
  Group,
  Pagination,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../shared/i18n/problems';
import type { ImportProblem } from '../../../shared/isonen/preview';
import { isLanguage } from '../../i18n/language';
import { type CellEdits, cellKey, isFixable } from './sheetEdits';

const pageSize = 50;

type ProblemTableProps = {
  problems: readonly ImportProblem[];
  skip: ReadonlySet<number>;
  edits: CellEdits;
  onSkipChange(row: number, skipped: boolean): void;
  onEdit(row: number, column: string, value: string): void;
};

export const ProblemTable = ({
  problems,
  skip,
  edits,
  onSkipChange,
  onEdit,
}: ProblemTableProps) => {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const lang = isLanguage(i18n.language) ? i18n.language : 'nb';

  if (problems.length === 0) {
    return <Text c="green.8">{t('import.noProblems')}</Text>;
  }
  const pages = Math.ceil(problems.length / pageSize);
  const shown = problems.slice((page - 1) * pageSize, page * pageSize);

  return (
    <div>
      <Table striped aria-label={t('import.problems')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.skip')}</Table.Th>
            <Table.Th>{t('import.row')}</Table.Th>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.field')}</Table.Th>
            <Table.Th>{t('import.severity')}</Table.Th>
            <Table.Th>{t('import.message')}</Table.Th>
            <Table.Th w={220}>{t('import.fix')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((p) => {
            const key = cellKey(p.row, p.column);
            return (
              <Table.Tr key={`${key}:${p.code}:${p.field}:${p.value}`}>
                <Table.Td>
                  {p.row > 0 && (
                    <Checkbox
                      size="xs"
                      aria-label={t('import.skipRow', { row: p.row })}
                      checked={skip.has(p.row)}
                      onChange={(e) =>
                        onSkipChange(p.row, e.currentTarget.checked)
                      }
                    />
                  )}
                </Table.Td>
                <Table.Td>{p.row || ''}</Table.Td>
                <Table.Td ff="monospace">{p.column}</Table.Td>
                <Table.Td>{p.field}</Table.Td>
                <Table.Td>
                  <Badge
                    size="xs"
                    color={p.severity === 'error' ? 'red' : 'yellow'}
                  >
                    {t(`import.${p.severity}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{problemMessage(p, lang)}</Table.Td>
                <Table.Td>
                  {isFixable(p) && (
                    <TextInput
                      size="xs"
                      aria-label={t('import.fixCell', {
                        row: p.row,
                        field: p.field || p.column,
                      })}
                      placeholder={p.value}
                      value={edits.get(key) ?? p.value}
                      onChange={(e) =>
                        onEdit(p.row, p.column, e.currentTarget.value)
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {pages > 1 && (
        <Group justify="center" mt="xs">
          <Pagination
            size="sm"
            total={pages}
            value={page}
            onChange={setPage}
            aria-label={t('import.page')}
          />
        </Group>
      )}
    </div>
  );
};
