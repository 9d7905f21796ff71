import { z } from 'zod';
import { op, roles } from './define';

export const RoleSchema = z.enum(roles);

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'username');

export const Password = z.string().min(8).max(256);

export const StaffMember = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const SessionInfo = z.object({
  staff: StaffMember,
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  /** The town's zone, for every time a screen shows. */
  timeZone: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

const NewStaff = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(120),
  role: RoleSchema,
  password: Password,
});

export const authOps = {
  setupCreateAdmin: op({
    input: NewStaff.omit({ role: true }),
    output: SessionInfo,
    access: 'public',
    mutates: true,
  }),
  authSignIn: op({
    input: z.object({ username: Username, password: z.string().min(1).max(256) }),
    output: SessionInfo,
    access: 'public',
    mutates: true,
  }),
  authSession: op({
    input: z.object({}),
    output: SessionInfo.nullable(),
    access: 'public',
    mutates: false,
  }),
  authLock: op({ input: z.object({}), output: z.object({}), access: 'session', mutates: true }),
  authUnlock: op({
    input: z.object({ password: z.string().min(1).max(256) }),
    output: SessionInfo,
    access: 'public',
    mutates: true,
  }),
  authSignOut: op({ input: z.object({}), output: z.object({}), access: 'public', mutates: true }),
};

export const staffOps = {
  staffList: op({
    input: z.object({}),
    output: z.array(StaffMember),
    access: ['manager', 'admin'],
    mutates: false,
    local: true,
  }),
  // The CLI adds the first admin of a new installation: the local operator may.
  staffAdd: op({
    input: NewStaff,
    output: StaffMember,
    access: ['admin'],
    mutates: true,
    local: true,
  }),
  staffSetDisabled: op({
    input: z.object({ id: z.number().int(), disabled: z.boolean() }),
    output: StaffMember,
    access: ['admin'],
    mutates: true,
  }),
  staffSetRole: op({
    input: z.object({ id: z.number().int(), role: RoleSchema }),
    output: StaffMember,
    access: ['admin'],
    mutates: true,
  }),
  staffResetPassword: op({
    input: z.object({ id: z.number().int(), password: Password }),
    output: StaffMember,
    access: ['admin'],
    mutates: true,
    local: true,
  }),
  staffChangeOwnPassword: op({
    input: z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }),
    output: z.object({}),
    access: 'session',
    mutates: true,
  }),
};
