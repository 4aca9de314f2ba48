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
          label={t('access.idleMinutes')}
          min={0}
          max={240}
          value={access.idleMinutes}
          onChange={(value) => {
            const minutes = Number(value);
            if (Number.isInteger(minutes) && minutes >= 0 && minutes <= 240) {
              access.setIdleMinutes(minutes);
            }
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
