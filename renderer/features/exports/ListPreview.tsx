// The first rows of the list as it will be written: the same headers and
// cells as the file and the printout.

import { ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ListPreview as Preview } from '../../../shared/lists/request';

/** How many rows the page shows. */
export const previewRows = 15;

export const ListPreview = ({ preview }: { preview: Preview }) => {
  const { t } = useTranslation();
  const { rows, headers, total } = preview;
  if (rows.length === 0) {
    return <Text c="dimmed">{t('exports.previewEmpty')}</Text>;
  }
  const caption = t('exports.preview', { shown: rows.length, rows: total });
  return (
    <>
      <Text size="sm" c="dimmed">
        {caption}
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table striped withTableBorder fz="xs" aria-label={caption}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((header) => (
                <Table.Th key={header} style={{ whiteSpace: 'nowrap' }}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((cells, row) => (
              // Rows have no id of their own; the preview never reorders.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <Table.Tr key={row}>
                {cells.map((cell, column) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <Table.Td key={column} style={{ whiteSpace: 'pre-line' }}>
                    {cell}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </>
  );
};
