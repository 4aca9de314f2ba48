// The export log of the open event, newest first: who took which list,
// with which fields, of how many people, and when; an entry whose event
// left the desk says its file is deleted (logFile.ts).

import { Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { handedOverListIds } from '../../../shared/contract/results';
import type { Lang } from '../../../shared/i18n/problems';
import { columnById } from '../../../shared/lists/columns';
import type { ExportLogEntry } from '../../../shared/lists/exportLog';
import { isListPurposeId, listPurposes } from '../../../shared/lists/purposes';
import { dateFormat } from '../../i18n/formats';
import { logFileText } from './logFile';

const handedOverIds: ReadonlySet<string> = new Set(
  Object.values(handedOverListIds),
);

export const ExportLogTable = ({
  entries,
  lang,
}: {
  entries: readonly ExportLogEntry[];
  lang: Lang;
}) => {
  const { t } = useTranslation();
  // A list with a purpose, or a file handed to timing software or results.
  const listTitle = (list: string) =>
    isListPurposeId(list)
      ? listPurposes[list].title[lang]
      : handedOverIds.has(list)
        ? t(`exports.log.handedOver.${list}`)
        : list;
  const time = dateFormat(lang, { dateStyle: 'short', timeStyle: 'medium' });
  const fileLabels = {
    printed: t('exports.log.printed'),
    pdf: t('exports.log.pdf'),
    purged: t('exports.log.purged'),
  };
  const fieldNames = (fields: readonly string[]) =>
    fields.map((id) => columnById(id)?.header[lang] ?? id).join(', ');

  return (
    <>
      <Title order={2} size="h5">
        {t('exports.log.title')}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed">{t('exports.log.empty')}</Text>
      ) : (
        <Table striped fz="sm" aria-label={t('exports.log.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exports.log.at')}</Table.Th>
              <Table.Th>{t('exports.log.by')}</Table.Th>
              <Table.Th>{t('exports.log.list')}</Table.Th>
              <Table.Th>{t('exports.log.fields')}</Table.Th>
              <Table.Th ta="right">{t('exports.log.people')}</Table.Th>
              <Table.Th>{t('exports.log.file')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr
                // A purged entry's file is '': its list keeps keys apart.
                key={`${entry.at}-${entry.file}-${entry.via ?? ''}-${entry.list}`}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {time.format(new Date(entry.at))}
                </Table.Td>
                <Table.Td ff="monospace">{entry.by}</Table.Td>
                <Table.Td>{listTitle(entry.list)}</Table.Td>
                <Table.Td maw={360}>
                  <Tooltip label={fieldNames(entry.fields)} multiline w={420}>
                    <Text size="sm" lineClamp={1}>
                      {entry.fields.length}: {fieldNames(entry.fields)}
                    </Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right">{entry.people}</Table.Td>
                <Table.Td
                  ff="monospace"
                  fz="xs"
                  c={entry.purgedAt === undefined ? undefined : 'dimmed'}
                  title={
                    entry.purgedAt === undefined
                      ? undefined
                      : t('exports.log.purgedAt', {
                          at: time.format(new Date(entry.purgedAt)),
                        })
                  }
                >
                  {logFileText(entry, fileLabels)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
};
