// The operators who may open this desk, each with a slow hash of their
// password (passwordHash.ts), in an IndexedDB database of its own: the
// desk's event database may be purged or replaced, the operators stay.

import { fail, ok, type Result } from '../../shared/contract/result';
import {
  hashPassword,
  type PasswordHash,
  verifyPassword,
} from './passwordHash';

export type Operator = {
  /** Lower-case, trimmed; what the operator types to sign in. */
  login: string;
  /** Shown in the header and written on every operation they make. */
  name: string;
  createdAt: string;
};

type OperatorRecord = Operator & { password: PasswordHash };

export type OperatorDirectory = {
  count(): Promise<number>;
  list(): Promise<Operator[]>;
  add(login: string, name: string, password: string): Promise<Result<Operator>>;
  /** The operator when the password matches; never says which part was wrong. */
  verify(login: string, password: string): Promise<Result<Operator>>;
  close(): void;
};

const storeName = 'operators';
export const minPasswordLength = 8;

const request = <T>(req: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const done = (tx: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });

const openDatabase = (factory: IDBFactory, name: string) =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(name, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore(storeName, { keyPath: 'login' });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });

const isOperatorRecord = (value: unknown): value is OperatorRecord =>
  typeof value === 'object' &&
  value !== null &&
  'login' in value &&
  'password' in value;

const loginOf = (text: string) => text.trim().toLowerCase();

const publicPart = ({ login, name, createdAt }: OperatorRecord): Operator => ({
  login,
  name,
  createdAt,
});

export type OperatorDirectoryOptions = {
  factory?: IDBFactory;
  name?: string;
  /** Tests lower it; the desk uses passwordHash's default. */
  iterations?: number;
  now?: () => Date;
};

export const openOperatorDirectory = async (
  options: OperatorDirectoryOptions = {},
): Promise<OperatorDirectory> => {
  const db = await openDatabase(
    options.factory ?? indexedDB,
    options.name ?? 'racedesk-access',
  );
  const now = options.now ?? (() => new Date());

  const read = async (login: string) => {
    const tx = db.transaction(storeName, 'readonly');
    const found: unknown = await request(tx.objectStore(storeName).get(login));
    return isOperatorRecord(found) ? found : null;
  };

  const all = async (): Promise<OperatorRecord[]> => {
    const tx = db.transaction(storeName, 'readonly');
    return request(tx.objectStore(storeName).getAll());
  };

  return {
    count: async () => {
      const tx = db.transaction(storeName, 'readonly');
      return request(tx.objectStore(storeName).count());
    },
    list: async () =>
      (await all())
        .map(publicPart)
        .sort((a, b) => a.name.localeCompare(b.name)),
    async add(login, name, password) {
      const key = loginOf(login);
      if (!/^[a-z0-9._-]{2,40}$/.test(key)) {
        return fail(
          'bad-login',
          'login: 2 to 40 letters a–z, digits, dot, dash or underscore',
          { field: 'login' },
        );
      }
      if (name.trim() === '') {
        return fail('bad-name', 'name: write the operator’s name', {
          field: 'name',
        });
      }
      if (password.length < minPasswordLength) {
        return fail(
          'weak-password',
          `password: at least ${minPasswordLength} characters`,
          { field: 'password' },
        );
      }
      if (await read(key)) {
        return fail('login-taken', `login: ${key} is taken on this desk`, {
          field: 'login',
        });
      }
      const record: OperatorRecord = {
        login: key,
        name: name.trim(),
        createdAt: now().toISOString(),
        password: await hashPassword(password, options.iterations),
      };
      const tx = db.transaction(storeName, 'readwrite', {
        durability: 'strict',
      });
      tx.objectStore(storeName).add(record);
      await done(tx);
      return ok(publicPart(record));
    },
    async verify(login, password) {
      const record = await read(loginOf(login));
      if (!record) {
        // Hash anyway: an unknown login takes as long as a wrong password.
        await hashPassword(password, options.iterations);
      }
      const matches =
        record !== null && (await verifyPassword(password, record.password));
      return record && matches
        ? ok(publicPart(record))
        : fail('bad-credentials', 'Wrong login or password');
    },
    close: () => db.close(),
  };
};
