// Taking the outstanding fee at the desk. Shown only while something is
// owed; the amount starts at what is owed.

import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { PaymentMethod } from '../../../shared/domain/participant';
import { parseKroner } from '../late-entry/lateEntryForm';

const methods: PaymentMethod[] = ['vipps', 'card', 'invoice', 'cash'];

type PaymentFormProps = {
  /** Øre owed. */
  owed: number;
  /** Resolves to an error text, or null when the payment was stored. */
  onPay(method: PaymentMethod, amount: number): Promise<string | null>;
};

export const PaymentForm = ({ owed, onPay }: PaymentFormProps) => {
  const { t } = useTranslation();
  const [method, setMethod] = useState<PaymentMethod>('vipps');
  const [amount, setAmount] = useState(owed > 0 ? String(owed / 100) : '');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const ore = parseKroner(amount);
    if (ore === null || ore === 0) {
      setError(t('late.badAmount'));
      return;
    }
    setError(await onPay(method, ore));
  };

  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NativeSelect
        size="xs"
        label={t('late.paymentMethod')}
        value={method}
        onChange={(e) => {
          const value = methods.find((m) => m === e.currentTarget.value);
          if (value) setMethod(value);
        }}
        data={methods.map((m) => ({ value: m, label: t(`payment.${m}`) }))}
      />
      <TextInput
        size="xs"
        w={100}
        label={t('late.amount')}
        value={amount}
        error={error}
        inputMode="decimal"
        onChange={(e) => {
          setAmount(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter here records the payment; it must not also check in.
          e.preventDefault();
          e.stopPropagation();
          void submit();
        }}
      />
      <Button size="xs" variant="light" mt={22} onClick={() => void submit()}>
        {t('actions.recordPayment')}
      </Button>
    </Group>
  );
};
