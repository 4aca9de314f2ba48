// Bib ranges per class: the numbers the desk's "next free bib" draws from.

import { Button, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ClassSummary } from '../../../shared/desk/state';
import { useDesk, useStoreVersion } from '../shell/deskContext';
import { errorText } from '../shell/errorText';
import { checkRange, type RangeDraft, type SavedRange } from './rangeCheck';

export const BibRangesPage = () => {
  const { t } = useTranslation();
  const { store } = useDesk();
  const version = useStoreVersion(store);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the store's change signal.
  const classes = useMemo(() => store.classes(), [store, version]);
  const saved = classes.flatMap((c) =>
    c.range ? [{ className: c.className, ...c.range }] : [],
  );

  return (
    <Paper withBorder p="sm" maw={900}>
      <Title order={2} size="h5" mb="xs">
        {t('ranges.title')}
      </Title>
      {classes.length === 0 ? (
        <Text c="dimmed">{t('ranges.noClasses')}</Text>
      ) : (
        <Table aria-label={t('ranges.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ranges.className')}</Table.Th>
              <Table.Th ta="right">{t('ranges.participants')}</Table.Th>
              <Table.Th>{t('ranges.first')}</Table.Th>
              <Table.Th>{t('ranges.last')}</Table.Th>
              <Table.Th ta="right">{t('ranges.size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {classes.map((c) => (
              <RangeRow key={c.className} summary={c} saved={saved} />
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
};

type RangeRowProps = { summary: ClassSummary; saved: readonly SavedRange[] };

const RangeRow = ({ summary, saved }: RangeRowProps) => {
  const { t } = useTranslation();
  const { store, reportSaved, reportError } = useDesk();
  const [draft, setDraft] = useState<RangeDraft>({
    first: summary.range ? String(summary.range.first) : '',
    last: summary.range ? String(summary.range.last) : '',
  });
  const [shown, setShown] = useState<{
    first?: string;
    last?: string;
    note?: string;
    warning?: boolean;
  }>({});
  const className = summary.className;

  const save = async () => {
    const check = checkRange(className, draft, saved, summary.total);
    if (!check.ok) {
      setShown(
        Object.fromEntries(
          check.problems.map((p) => [p.field, t(p.key, { ...p })]),
        ),
      );
      return;
    }
    const result = await store.setClassRange(
      className,
      check.first,
      check.last,
    );
    if (!result.ok) {
      const message = errorText(result.error, t);
      setShown({ first: message });
      reportError(message);
      return;
    }
    const warning = check.warnings[0];
    setShown({
      note: warning ? t(warning.key, { ...warning }) : t('ranges.saved'),
      warning: warning !== undefined,
    });
    reportSaved({ key: 'done.range' }, className);
  };

  const size =
    Number(draft.last) >= Number(draft.first) && draft.first !== ''
      ? Number(draft.last) - Number(draft.first) + 1
      : '';
  const edit = (field: 'first' | 'last') => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setShown({});
  };
  const onEnter = (e: { key: string }) => {
    if (e.key === 'Enter') void save();
  };

  return (
    <Table.Tr>
      <Table.Td fw={600}>{className}</Table.Td>
      <Table.Td ta="right">{summary.total}</Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          w={110}
          inputMode="numeric"
          aria-label={t('ranges.firstLabel', { className })}
          value={draft.first}
          error={shown.first}
          onChange={(e) => edit('first')(e.currentTarget.value)}
          onKeyDown={onEnter}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          w={110}
          inputMode="numeric"
          aria-label={t('ranges.lastLabel', { className })}
          value={draft.last}
          error={shown.last}
          onChange={(e) => edit('last')(e.currentTarget.value)}
          onKeyDown={onEnter}
        />
      </Table.Td>
      <Table.Td ta="right">{size}</Table.Td>
      <Table.Td>
        <Button
          size="xs"
          variant="light"
          aria-label={t('ranges.saveLabel', { className })}
          onClick={() => void save()}
        >
          {t('ranges.save')}
        </Button>
        {shown.note && (
          <Text size="xs" c={shown.warning ? 'orange.8' : 'dimmed'} mt={2}>
            {shown.note}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
};
