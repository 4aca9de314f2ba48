import type { OperationResult } from '../../shared/sync/types';

export const applied = (
  data: Record<string, unknown> = {},
): OperationResult => ({
  outcome: 'applied',
  code: '',
  message: '',
  data,
});

export const unchanged = (
  code: string,
  message: string,
  data: Record<string, unknown> = {},
): OperationResult => ({ outcome: 'unchanged', code, message, data });

export const rejected = (
  code: string,
  message: string,
  data: Record<string, unknown> = {},
): OperationResult => ({ outcome: 'rejected', code, message, data });

export const conflict = (
  code: string,
  message: string,
  data: Record<string, unknown> = {},
): OperationResult => ({ outcome: 'conflict', code, message, data });
