import type { Role } from '../../shared/contract/define';
import type { StaffMember } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import type { Actor } from '../audit/append';
import { audit, type CoreDeps, inTransaction } from '../app/deps';
import { hashPassword } from './passwords';
import {
  countActiveAdmins,
  findByUsername,
  getById,
  insertStaff,
  listStaff,
  toStaffMember,
  type StaffRow,
  writeDisabled,
  writePasswordHash,
  writeRole,
} from './staff-repo';

export interface NewStaff {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly password: string;
}

export const actorOf = (row: Pick<StaffRow, 'id' | 'username' | 'role'>): Actor => ({
  staffId: row.id,
  username: row.username,
  role: row.role,
});

export const createStaffService = (deps: CoreDeps) => {
  const { db, clock } = deps;

  const add = async (actor: Actor, input: NewStaff): Promise<StaffMember> => {
    // Hash outside the transaction: scrypt is slow and must not hold the write lock.
    const passwordHash = await hashPassword(input.password);
    return inTransaction(deps, () => {
      if (findByUsername(db, input.username)) {
        throw new AppError('staff_username_taken', { username: input.username }, 409);
      }
      const id = insertStaff(
        db,
        {
          username: input.username,
          display_name: input.displayName,
          role: input.role,
          password_hash: passwordHash,
        },
        clock.now().toISOString(),
      );
      const row = getById(db, id);
      audit(deps, {
        actor,
        action: 'staff.created',
        subject: `staff:${row.username}`,
        details: { role: row.role },
      });
      return toStaffMember(row);
    });
  };

  /** Refuses changes that would leave the installation without an active admin. */
  const guardLastAdmin = (row: StaffRow, losesAdmin: boolean): void => {
    if (losesAdmin && row.role === 'admin' && row.disabled === 0 && countActiveAdmins(db) <= 1) {
      throw new AppError('staff_last_admin', {}, 409);
    }
  };

  const setDisabled = (actor: Actor, id: number, disabled: boolean): StaffMember =>
    inTransaction(deps, () => {
      const row = getById(db, id);
      guardLastAdmin(row, disabled);
      writeDisabled(db, id, disabled, clock.now().toISOString());
      audit(deps, {
        actor,
        action: disabled ? 'staff.disabled' : 'staff.enabled',
        subject: `staff:${row.username}`,
      });
      return toStaffMember(getById(db, id));
    });

  const setRole = (actor: Actor, id: number, role: Role): StaffMember =>
    inTransaction(deps, () => {
      const row = getById(db, id);
      guardLastAdmin(row, role !== 'admin');
      writeRole(db, id, role, clock.now().toISOString());
      audit(deps, {
        actor,
        action: 'staff.role_changed',
        subject: `staff:${row.username}`,
        details: { from: row.role, to: role },
      });
      return toStaffMember(getById(db, id));
    });

  const setPassword = async (
    actor: Actor,
    id: number,
    password: string,
    action: 'staff.password_reset' | 'staff.password_changed',
  ): Promise<StaffMember> => {
    const passwordHash = await hashPassword(password);
    return inTransaction(deps, () => {
      const row = getById(db, id);
      writePasswordHash(db, id, passwordHash, clock.now().toISOString());
      audit(deps, { actor, action, subject: `staff:${row.username}` });
      return toStaffMember(getById(db, id));
    });
  };

  return {
    list: () => listStaff(db),
    add,
    setDisabled,
    setRole,
    resetPassword: (actor: Actor, id: number, password: string) =>
      setPassword(actor, id, password, 'staff.password_reset'),
    changeOwnPassword: (actor: Actor, id: number, password: string) =>
      setPassword(actor, id, password, 'staff.password_changed'),
    findByUsername: (username: string) => findByUsername(db, username),
  };
};

export type StaffService = ReturnType<typeof createStaffService>;
