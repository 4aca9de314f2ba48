// The header's operator: who is signed in, with lock, sign-out and the
// operator list (add operators, set the idle lock).

import {
  Button,
  Divider,
  List,
  Menu,
  Modal,
  NumberInput,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Operator } from '../../access/operatorDirectory';
import { useAccess } from './accessContext';
import { OperatorForm } from './OperatorForm';
import { maxIdleMinutes, minIdleMinutes } from './session';

const OperatorsModal = ({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose(): void;
}) => {
  const { t } = useTranslation();
  const access = useAccess();
  const [operators, setOperators] = useState<Operator[]>([]);
  const [added, setAdded] = useState('');
  const [idleText, setIdleText] = useState<number | string>(access.idleMinutes);
  const [idleError, setIdleError] = useState<{
    min: number;
    max: number;
  } | null>(null);

  useEffect(() => {
    if (opened) void access.directory.list().then(setOperators);
  }, [opened, access.directory]);

  return (
    <Modal opened={opened} onClose={onClose} title={t('access.operatorsTitle')}>
      <Stack gap="md">
        <List size="sm" aria-label={t('access.operatorsTitle')}>
          {operators.map((o) => (
            <List.Item key={o.login}>
              {o.name} ({o.login})
            </List.Item>
          ))}
        </List>
        <NumberInput
          label={t('access.idleMinutes', {
            min: minIdleMinutes,
            max: maxIdleMinutes,
          })}
          min={minIdleMinutes}
          max={maxIdleMinutes}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          value={idleText}
          error={idleError ? t('access.idleRange', idleError) : undefined}
          onChange={(value) => {
            setIdleText(value);
            // An emptied field is being typed into, not a choice.
            if (value === '') return;
            const set = access.setIdleMinutes(Number(value));
            setIdleError(
              set.ok ? null : { min: minIdleMinutes, max: maxIdleMinutes },
            );
          }}
        />
        <Divider label={t('access.addOperator')} />
        {added !== '' && (
          <Text size="sm" c="green.8" role="status">
            {t('access.added')}: {added}
          </Text>
        )}
        <OperatorForm
          directory={access.directory}
          submitLabel={t('access.addOperator')}
          onAdded={(operator) => {
            setAdded(operator.name);
            void access.directory.list().then(setOperators);
          }}
        />
      </Stack>
    </Modal>
  );
};

export const OperatorMenu = () => {
  const { t } = useTranslation();
  const access = useAccess();
  const [listOpen, setListOpen] = useState(false);

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            aria-label={`${t('access.operator')}: ${access.operator.name}`}
            style={{ flexShrink: 0 }}
          >
            {access.operator.name}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={access.lock}>{t('access.lock')}</Menu.Item>
          <Menu.Item onClick={() => setListOpen(true)}>
            {t('access.operators')}
          </Menu.Item>
          <Menu.Item onClick={access.signOut}>{t('access.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <OperatorsModal opened={listOpen} onClose={() => setListOpen(false)} />
    </>
  );
};
