// Nothing of the desk renders until an operator signs in: the first start
// asks for the first operator, later starts for a sign-in, and an idle or
// locked desk shows only the lock screen (the pages are unmounted, so no
// participant data stays in the window).

import { Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { createAttemptGuard } from '../../access/attempts';
import { createIdleTimer } from '../../access/idleLock';
import type {
  Operator,
  OperatorDirectory,
} from '../../access/operatorDirectory';
import { type Access, AccessContext } from './accessContext';
import { OperatorForm } from './OperatorForm';
import { SignInForm } from './SignInForm';
import {
  readIdleMinutes,
  readSession,
  writeIdleMinutes,
  writeSession,
} from './session';

type GateState =
  | { kind: 'loading' }
  | { kind: 'first' }
  | { kind: 'signed-out' }
  | { kind: 'locked'; operator: Pick<Operator, 'login' | 'name'> }
  | { kind: 'signed-in'; operator: Operator };

type AccessGateProps = {
  directory: OperatorDirectory;
  /** Told who signs in, and '' on sign-out: goes on every operation. */
  onOperator(name: string): void;
  children: ReactNode;
};

const activityEvents = ['keydown', 'pointerdown', 'wheel'] as const;

const Panel = ({
  title,
  body,
  children,
}: {
  title: string;
  body: string;
  children: ReactNode;
}) => (
  <Center h="100dvh" bg="gray.1">
    <Paper withBorder shadow="sm" p="lg" w={420} component="main">
      <Stack gap="md">
        <Title order={1} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {body}
        </Text>
        {children}
      </Stack>
    </Paper>
  </Center>
);

export const AccessGate = ({
  directory,
  onOperator,
  children,
}: AccessGateProps) => {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'loading' });
  const [idleMinutes, setIdleMinutesState] = useState(readIdleMinutes);
  const guard = useMemo(() => createAttemptGuard(), []);

  useEffect(() => {
    let current = true;
    void directory.count().then((count) => {
      if (!current) return;
      const session = readSession();
      if (count === 0) setState({ kind: 'first' });
      else if (session?.locked) setState({ kind: 'locked', operator: session });
      else if (session) {
        setState({
          kind: 'signed-in',
          operator: { ...session, createdAt: '' },
        });
      } else setState({ kind: 'signed-out' });
    });
    return () => {
      current = false;
    };
  }, [directory]);

  const signedInName = state.kind === 'signed-in' ? state.operator.name : '';
  useEffect(() => {
    onOperator(signedInName);
  }, [signedInName, onOperator]);

  const signedIn = state.kind === 'signed-in' ? state.operator : null;
  useEffect(() => {
    if (!signedIn) return;
    const lockNow = () => {
      writeSession({ ...signedIn, locked: true });
      setState({ kind: 'locked', operator: signedIn });
    };
    const timer = createIdleTimer({
      idleMs: idleMinutes * 60_000,
      onIdle: lockNow,
    });
    const onActivity = () => timer.activity();
    for (const name of activityEvents) {
      window.addEventListener(name, onActivity, { passive: true });
    }
    return () => {
      timer.stop();
      for (const name of activityEvents) {
        window.removeEventListener(name, onActivity);
      }
    };
  }, [signedIn, idleMinutes]);

  const enter = (operator: Operator) => {
    writeSession({ login: operator.login, name: operator.name, locked: false });
    setState({ kind: 'signed-in', operator });
  };

  switch (state.kind) {
    case 'loading':
      return (
        <Center h="100dvh">
          <Loader />
        </Center>
      );
    case 'first':
      return (
        <Panel title={t('access.firstTitle')} body={t('access.firstBody')}>
          <OperatorForm
            directory={directory}
            submitLabel={t('access.create')}
            onAdded={enter}
          />
        </Panel>
      );
    case 'signed-out':
      return (
        <Panel title={t('access.signInTitle')} body={t('access.signInBody')}>
          <SignInForm
            directory={directory}
            guard={guard}
            submitLabel={t('access.signIn')}
            onSignedIn={enter}
          />
        </Panel>
      );
    case 'locked':
      return (
        <Panel
          title={t('access.lockedTitle')}
          body={t('access.lockedBody', { name: state.operator.name })}
        >
          <SignInForm
            directory={directory}
            guard={guard}
            login={state.operator.login}
            submitLabel={t('access.unlock')}
            onSignedIn={enter}
          />
          <Text
            component="button"
            type="button"
            size="sm"
            c="blue.8"
            style={{ background: 'none', border: 0, cursor: 'pointer' }}
            onClick={() => {
              writeSession(null);
              setState({ kind: 'signed-out' });
            }}
          >
            {t('access.otherOperator')}
          </Text>
        </Panel>
      );
    case 'signed-in': {
      const operator = state.operator;
      const access: Access = {
        operator,
        directory,
        idleMinutes,
        lock() {
          writeSession({ ...operator, locked: true });
          setState({ kind: 'locked', operator });
        },
        signOut() {
          writeSession(null);
          setState({ kind: 'signed-out' });
        },
        setIdleMinutes(minutes) {
          const written = writeIdleMinutes(minutes);
          if (written.ok) setIdleMinutesState(written.value);
          return written;
        },
      };
      return (
        <AccessContext.Provider value={access}>
          {children}
        </AccessContext.Provider>
      );
    }
  }
};
