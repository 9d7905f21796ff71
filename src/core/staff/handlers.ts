import type { authOps, staffOps } from '../../shared/contract/staff';
import { AppError } from '../../shared/errors';
import type { CoreDeps } from '../app/deps';
import { type HandlersFor, requireActor, requireSession } from '../app/handlers';
import type { AuthService } from './auth-service';
import type { SessionStore } from './sessions';
import type { StaffService } from './staff-service';
import { countStaff, getById } from './staff-repo';

const SYSTEM_SETUP = { staffId: null, username: 'setup', role: 'system' } as const;

export const authHandlers = (
  deps: CoreDeps,
  staff: StaffService,
  auth: AuthService,
  sessions: SessionStore,
): HandlersFor<typeof authOps> => ({
  setupCreateAdmin: async (input, ctx) => {
    if (countStaff(deps.db) > 0) throw new AppError('setup_already_done', {}, 409);
    await staff.add(SYSTEM_SETUP, { ...input, role: 'admin' });
    const session = await auth.signIn(input.username, input.password);
    ctx.setSession(session.id);
    return auth.info(session);
  },
  authSignIn: async (input, ctx) => {
    const session = await auth.signIn(input.username, input.password);
    ctx.setSession(session.id);
    return auth.info(session);
  },
  authSession: (_input, ctx) => {
    if (!ctx.session) return null;
    sessions.checkIdle(ctx.session);
    return auth.info(ctx.session);
  },
  authLock: (_input, ctx) => {
    auth.lock(requireSession(ctx));
    return {};
  },
  authUnlock: async (input, ctx) => {
    const session = requireSession(ctx);
    await auth.unlock(session, input.password);
    return auth.info(session);
  },
  authSignOut: (_input, ctx) => {
    if (ctx.session) auth.signOut(ctx.session);
    ctx.setSession(null);
    return {};
  },
});

export const staffHandlers = (
  deps: CoreDeps,
  staff: StaffService,
  auth: AuthService,
  sessions: SessionStore,
): HandlersFor<typeof staffOps> => ({
  staffList: () => staff.list(),
  staffAdd: (input, ctx) => staff.add(requireActor(ctx), input),
  staffSetDisabled: (input, ctx) => {
    const member = staff.setDisabled(requireActor(ctx), input.id, input.disabled);
    if (input.disabled) sessions.endAllFor(input.id);
    return member;
  },
  staffSetRole: (input, ctx) => staff.setRole(requireActor(ctx), input.id, input.role),
  staffResetPassword: (input, ctx) =>
    staff.resetPassword(requireActor(ctx), input.id, input.password),
  staffChangeOwnPassword: async (input, ctx) => {
    const actor = requireActor(ctx);
    const row = getById(deps.db, requireSession(ctx).staffId);
    await auth.checkCredentials(row.username, input.currentPassword);
    await staff.changeOwnPassword(actor, row.id, input.newPassword);
    return {};
  },
});
