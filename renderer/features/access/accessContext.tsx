// Who is signed in to the desk, and the ways to lock it or sign out. Every
// page below the gate (AccessGate.tsx) can read it.

import { createContext, useContext } from 'react';

import type { Result } from '../../../shared/contract/result';

import type {
  Operator,
  OperatorDirectory,
} from '../../access/operatorDirectory';

export type Access = {
  operator: Operator;
  directory: OperatorDirectory;
  lock(): void;
  signOut(): void;
  idleMinutes: number;
  /** Refused outside minIdleMinutes..maxIdleMinutes (session.ts). */
  setIdleMinutes(minutes: number): Result<number>;
};

export const AccessContext = createContext<Access | null>(null);

export const useAccess = (): Access => {
  const access = useContext(AccessContext);
  if (!access) throw new Error('useAccess outside the access gate');
  return access;
};
