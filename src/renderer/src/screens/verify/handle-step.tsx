import { type FormEvent, type KeyboardEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Candidate,
  type Network,
  networks,
  type OverrideGround,
  type PendingRequest,
  type ProofMethod,
} from '../../../../shared/contract/verifications';
import { useApp } from '../../app-context';
import { PersonalDataWarning } from '../../components/reason-input';
import { AccountPreview } from './account-preview';

export interface HandleChoice {
  readonly network: Network;
  readonly handle: string;
  readonly platformUserId: string;
  readonly proof: ProofMethod;
  readonly pendingRequestId?: string;
  readonly override?: { username: string; password: string; reason: string };
}

const PROOF_KEYS: Record<string, ProofMethod> = { v: 'seen_on_device', c: 'challenge_code' };

// Bluesky accounts are keyed by a DID, resolved from the handle later: there is no number to type.
const HAS_USER_ID: Readonly<Record<Network, boolean>> = {
  x: true,
  bluesky: false,
  mastodon: true,
  instagram: true,
};

/** Network, handle and proof in one form: Enter saves. Alt+1..4 pick a network, Alt+V/C the proof. */
export const HandleStep = ({
  candidate,
  grounds,
  busy,
  onSave,
  onEdit,
}: {
  candidate: Candidate;
  /** What a manager must authorise before this can be saved (shown before the save). */
  grounds: readonly OverrideGround[];
  busy: boolean;
  onSave: (c: HandleChoice) => void;
  /** Any change to the form: an error about the previous attempt no longer applies. */
  onEdit: () => void;
}) => {
  const { t } = useTranslation();
  const { api } = useApp();
  const [network, pickNetwork] = useState<Network>('x');
  const [handle, setHandle] = useState('');
  const [userId, setUserId] = useState('');
  const [proof, setProof] = useState<ProofMethod>('seen_on_device');
  const [requests, setRequests] = useState<PendingRequest[]>([]);
  const [requestId, setRequestId] = useState<string | undefined>();
  const [override, setOverride] = useState({ username: '', password: '', reason: '' });

  useEffect(() => {
    api
      .verifyPendingRequests({ residentId: candidate.residentId })
      .then(setRequests)
      .catch(() => setRequests([]));
  }, [api, candidate.residentId]);

  const needsOverride = grounds.length > 0;
  const setNetwork = (n: Network) => {
    pickNetwork(n);
    if (!HAS_USER_ID[n]) setUserId('');
    onEdit();
  };

  const takeRequest = (r: PendingRequest) => {
    setNetwork(r.network);
    setHandle(r.handle);
    setUserId(r.platformUserId ?? '');
    setRequestId(r.id);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave({
      network,
      handle,
      platformUserId: HAS_USER_ID[network] ? userId : '',
      proof,
      ...(requestId ? { pendingRequestId: requestId } : {}),
      ...(needsOverride ? { override } : {}),
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.altKey) return;
    const n = networks[Number(e.key) - 1];
    const p = PROOF_KEYS[e.key.toLowerCase()];
    if (n) setNetwork(n);
    else if (p) {
      setProof(p);
      onEdit();
    } else return;
    e.preventDefault();
  };

  return (
    <form className="step" aria-labelledby="handle-title" onSubmit={submit} onKeyDown={onKeyDown}>
      <h2 id="handle-title">{t('verifications.ui.handle.title', { name: candidate.fullName })}</h2>
      {requests.map((r) => (
        <div
          key={r.id}
          className="request"
          role="group"
          aria-label={t('verifications.ui.handle.request')}
        >
          <span>
            {t('verifications.ui.handle.requestText', {
              network: t(`verifications.networks.${r.network}`),
              handle: r.handle,
            })}
          </span>
          <button type="button" onClick={() => takeRequest(r)} aria-pressed={requestId === r.id}>
            {t('verifications.ui.handle.useRequest')}
          </button>
        </div>
      ))}
      <fieldset className="choice">
        <legend>{t('verifications.ui.handle.network')}</legend>
        {networks.map((n, i) => (
          <label key={n} className={network === n ? 'chosen' : ''}>
            <input
              type="radio"
              name="network"
              value={n}
              checked={network === n}
              onChange={() => setNetwork(n)}
            />
            {t(`verifications.networks.${n}`)} <kbd>Alt+{i + 1}</kbd>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="handle-input">{t('verifications.ui.handle.handle')}</label>
        <input
          id="handle-input"
          className="big"
          value={handle}
          autoFocus
          required
          autoComplete="off"
          spellCheck={false}
          aria-describedby="handle-hint"
          onChange={(e) => {
            setHandle(e.target.value);
            setRequestId(undefined);
            onEdit();
          }}
        />
        <small id="handle-hint" className="hint">
          {t(`verifications.ui.handle.hints.${network}`)}
        </small>
        <AccountPreview network={network} handle={handle} />
      </div>
      {HAS_USER_ID[network] && (
        <div className="field">
          <label htmlFor="userid-input">{t('verifications.ui.handle.userId')}</label>
          <input
            id="userid-input"
            value={userId}
            autoComplete="off"
            aria-describedby="userid-hint"
            onChange={(e) => {
              setUserId(e.target.value);
              onEdit();
            }}
          />
          <small id="userid-hint" className="hint">
            {t('verifications.ui.handle.userIdHint')}
          </small>
        </div>
      )}
      <fieldset className="choice">
        <legend>{t('verifications.ui.handle.proof')}</legend>
        {(['seen_on_device', 'challenge_code'] as const).map((p) => (
          <label key={p} className={proof === p ? 'chosen' : ''}>
            <input
              type="radio"
              name="proof"
              value={p}
              checked={proof === p}
              onChange={() => {
                setProof(p);
                onEdit();
              }}
            />
            {t(`verifications.proof.${p}`)} <kbd>Alt+{p === 'seen_on_device' ? 'V' : 'C'}</kbd>
          </label>
        ))}
        <small className="hint">{t(`verifications.ui.handle.proofHints.${proof}`)}</small>
      </fieldset>
      {needsOverride && (
        <fieldset className="override">
          <legend>{t('verifications.ui.handle.override')}</legend>
          {grounds.includes('document_expired') && (
            <p className="hint">{t('verifications.ui.handle.overrideHint')}</p>
          )}
          {grounds.some((g) => g !== 'document_expired') && (
            <p className="hint">
              {t('verifications.ui.handle.mismatchHint', {
                grounds: grounds
                  .filter((g) => g !== 'document_expired')
                  .map((g) => t(`verifications.overrideGrounds.${g}`))
                  .join(', '),
              })}
            </p>
          )}
          {(['username', 'password', 'reason'] as const).map((k) => (
            <div key={k} className="field">
              <label htmlFor={`override-${k}`}>
                {t(`verifications.ui.handle.overrideFields.${k}`)}
              </label>
              <input
                id={`override-${k}`}
                type={k === 'password' ? 'password' : 'text'}
                required
                autoComplete="off"
                value={override[k]}
                onChange={(e) => {
                  setOverride({ ...override, [k]: e.target.value });
                  onEdit();
                }}
              />
              {k === 'reason' && <PersonalDataWarning text={override.reason} />}
            </div>
          ))}
        </fieldset>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {t('verifications.ui.handle.save')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
};
