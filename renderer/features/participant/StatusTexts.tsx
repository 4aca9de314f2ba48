import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ParticipantView } from '../../../shared/desk/state';
import type { Participant } from '../../../shared/domain/participant';
import { formatKroner, licenseStatus, paymentStatus } from './participantFacts';

export const PaymentText = ({ view }: { view: ParticipantView }) => {
  const { t, i18n } = useTranslation();
  const status = paymentStatus(view);

  switch (status.kind) {
    case 'paid':
      return (
        <Text c="green.8" fw={700}>
          {t('card.paid')}
        </Text>
      );
    case 'paid-at-desk':
      return (
        <Text c="green.8" fw={700}>
          {t('card.paidAtDesk', {
            method: status.payments
              .map((p) => (p.method ? t(`payment.${p.method}`) : ''))
              .filter(Boolean)
              .join(', '),
          })}
        </Text>
      );
    case 'not-paid':
      return (
        <Text c="orange.8" fw={700}>
          {t('card.notPaid', {
            amount: formatKroner(status.amount, i18n.language),
          })}
        </Text>
      );
  }
};

export const LicenseText = ({ participant }: { participant: Participant }) => {
  const { t } = useTranslation();
  const status = licenseStatus(participant);

  switch (status.kind) {
    case 'season':
      return <Text>{t('card.licenseSeason', { number: status.number })}</Text>;
    case 'one-day':
      return <Text>{t('card.licenseOneDay', { number: status.number })}</Text>;
    case 'licensed':
      return <Text>{t('card.licenseYes')}</Text>;
    case 'missing':
      return (
        <Text c="orange.8" fw={700}>
          {t('card.licenseMissing')}
        </Text>
      );
  }
};
