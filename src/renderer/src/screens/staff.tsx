import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../../shared/contract';
import type { StaffMember } from '../../../shared/contract/staff';
import { useAction, useApp } from '../app-context';
import { ErrorBanner, Field, formValues, Notice } from '../components/form';

const RoleSelect = ({
  value,
  onChange,
  label,
}: {
  value: Role;
  onChange: (r: Role) => void;
  label: string;
}) => {
  const { t } = useTranslation();
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {t(`ui.roles.${r}`)}
        </option>
      ))}
    </select>
  );
};

export const StaffScreen = () => {
  const { t } = useTranslation();
  const { api, session } = useApp();
  const { busy, error, run } = useAction();
  const [members, setMembers] = useState<StaffMember[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);
  const [newRole, setNewRole] = useState<Role>('clerk');

  const reload = useCallback(async () => {
    const list = await run(() => api.staffList({}));
    if (list) setMembers(list);
  }, [api, run]);

  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once
  }, []);

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const v = formValues(form);
    const added = await run(() =>
      api.staffAdd({
        username: v.username ?? '',
        displayName: v.displayName ?? '',
        role: newRole,
        password: v.password ?? '',
      }),
    );
    if (added) {
      form.reset();
      setNotice(t('ui.staff.addedNotice', { name: added.displayName }));
      await reload();
    }
  };

  const update = async (fn: () => Promise<StaffMember>) => {
    const changed = await run(fn);
    if (changed) await reload();
  };

  const resetPassword = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!resetting) return;
    const { password = '' } = formValues(e.currentTarget);
    const done = await run(() => api.staffResetPassword({ id: resetting.id, password }));
    if (done) {
      setNotice(t('ui.staff.passwordResetNotice', { name: resetting.displayName }));
      setResetting(null);
    }
  };

  return (
    <section aria-labelledby="staff-title">
      <h1 id="staff-title">{t('ui.staff.title')}</h1>
      <ErrorBanner message={error} />
      {notice && <Notice>{notice}</Notice>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('ui.staff.displayName')}</th>
            <th scope="col">{t('ui.signIn.username')}</th>
            <th scope="col">{t('ui.staff.role')}</th>
            <th scope="col">{t('ui.staff.state')}</th>
            <th scope="col">{t('ui.staff.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>{m.displayName}</td>
              <td>
                <code>{m.username}</code>
              </td>
              <td>
                <RoleSelect
                  label={t('ui.staff.roleOf', { name: m.displayName })}
                  value={m.role}
                  onChange={(role) => void update(() => api.staffSetRole({ id: m.id, role }))}
                />
              </td>
              <td>{m.disabled ? t('ui.staff.disabled') : t('ui.staff.active')}</td>
              <td className="row">
                <button
                  type="button"
                  disabled={busy || m.id === session?.staff.id}
                  onClick={() =>
                    void update(() => api.staffSetDisabled({ id: m.id, disabled: !m.disabled }))
                  }
                >
                  {m.disabled ? t('ui.staff.enable') : t('ui.staff.disable')}
                </button>
                <button type="button" onClick={() => setResetting(m)}>
                  {t('ui.staff.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {resetting && (
        <form
          className="card"
          onSubmit={resetPassword}
          aria-label={t('ui.staff.resetFor', { name: resetting.displayName })}
        >
          <h2>{t('ui.staff.resetFor', { name: resetting.displayName })}</h2>
          <Field
            label={t('ui.staff.newPassword')}
            name="password"
            type="password"
            minLength={8}
            autoComplete="new-password"
            required
            autoFocus
          />
          <div className="row">
            <button type="submit" className="primary" disabled={busy}>
              {t('ui.common.save')}
            </button>
            <button type="button" onClick={() => setResetting(null)}>
              {t('ui.common.cancel')}
            </button>
          </div>
        </form>
      )}

      <form className="card" onSubmit={add} aria-labelledby="staff-add-title">
        <h2 id="staff-add-title">{t('ui.staff.addTitle')}</h2>
        <Field label={t('ui.staff.displayName')} name="displayName" required />
        <Field
          label={t('ui.signIn.username')}
          name="username"
          required
          hint={t('ui.staff.usernameHint')}
        />
        <div className="field">
          <span id="new-role-label">{t('ui.staff.role')}</span>
          <RoleSelect label={t('ui.staff.role')} value={newRole} onChange={setNewRole} />
        </div>
        <Field
          label={t('ui.signIn.password')}
          name="password"
          type="password"
          minLength={8}
          autoComplete="new-password"
          required
          hint={t('ui.staff.passwordHint')}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('ui.staff.add')}
        </button>
      </form>
    </section>
  );
};
