import { contract, type OperationName, type Role } from '../../shared/contract';
import type { Access } from '../../shared/contract/define';
import { useApp } from './app-context';

/** The contract's answer to "may this role call it?": the screens ask it, never a role list. */
export const roleMayCall = (access: Access, role: Role): boolean =>
  access === 'public' || access === 'session' || (Array.isArray(access) && access.includes(role));

export const mayCall = (op: OperationName, role: Role): boolean =>
  roleMayCall(contract[op].access, role);

/** May the signed-in person call `op`? (The core checks again; this only hides what it refuses.) */
export const useCan = (op: OperationName): boolean => {
  const { session } = useApp();
  return session !== null && mayCall(op, session.staff.role);
};
