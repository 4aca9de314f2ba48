// In the header on every page: a warning when an event leaves this desk
// within two days, and a request when it is due (the desk asks; it never
// purges on its own while an operator works). It also holds the purge
// being confirmed and the report of what the last purge deleted, since
// the header stays while the purged event closes.

import { Button, Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useDesk } from '../shell/deskContext';
import { formatDay } from './formatDay';
import { PurgeDialog } from './PurgeDialog';
import { PurgeReportView } from './PurgeReportView';
import {
  askToPurge,
  showPurgeReport,
  useRetentionState,
} from './retentionState';
import { useRetentionNotices } from './useRetentionNotices';

// A long event name ends in "…" inside the button's fixed width.
const ellipsis = {
  display: 'inline-block',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
} as const;

export const RetentionNotice = () => {
  const { t, i18n } = useTranslation();
  const { store } = useDesk();
  const { dialog, report } = useRetentionState();
  const notices = useRetentionNotices(store);
  const first = notices.find((n) => n.phase === 'due') ?? notices[0];

  const text = first
    ? [
        t(first.phase === 'due' ? 'retention.due' : 'retention.warn', {
          name: first.event.name,
          date: formatDay(first.purgeOn, i18n.language),
        }),
        // A connected event's date counts from its results' hand-over.
        first.resultsSentOn === null
          ? ''
          : t('retention.resultsSent', {
              date: formatDay(first.resultsSentOn, i18n.language),
            }),
      ]
        .filter(Boolean)
        .join(' ')
    : '';
  return (
    <>
      {first && (
        <Button
          size="compact-sm"
          color={first.phase === 'due' ? 'red' : 'yellow'}
          variant={first.phase === 'due' ? 'filled' : 'light'}
          title={text}
          aria-label={text}
          maw={220}
          style={{ flexShrink: 0 }}
          styles={{ label: { minWidth: 0 } }}
          onClick={() => askToPurge(first.event)}
        >
          <span style={ellipsis}>
            {t(
              first.phase === 'due'
                ? 'retention.dueShort'
                : 'retention.warnShort',
              {
                name: first.event.name,
                date: formatDay(first.purgeOn, i18n.language),
                count: notices.length,
                others: notices.length - 1,
              },
            )}
          </span>
        </Button>
      )}
      {dialog && <PurgeDialog dialog={dialog} />}
      {report && (
        <Modal
          opened
          size="lg"
          onClose={() => showPurgeReport(null)}
          title={t('retention.reportTitle', { name: report.eventName })}
        >
          <PurgeReportView report={report} />
        </Modal>
      )}
    </>
  );
};
