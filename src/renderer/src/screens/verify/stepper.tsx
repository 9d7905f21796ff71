import { useTranslation } from 'react-i18next';

export const STEPS = ['capture', 'review', 'resident', 'handle', 'done'] as const;
export type StepName = (typeof STEPS)[number];

/**
 * Where the clerk is. Steps already done are buttons: going back keeps what was read and chosen,
 * so fixing a misreading needs no new scan.
 */
export const Stepper = ({
  current,
  reached,
  onGo,
}: {
  current: StepName;
  reached: readonly StepName[];
  onGo: (step: StepName) => void;
}) => {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="stepper" aria-label={t('verifications.ui.stepsLabel')}>
      {STEPS.map((s, i) => {
        const label = t(`verifications.ui.steps.${s}`);
        const back = s !== current && reached.includes(s);
        return (
          <li
            key={s}
            aria-current={s === current ? 'step' : undefined}
            className={i < at ? 'past' : ''}
          >
            {back ? (
              <button
                type="button"
                className="step-back"
                aria-label={t('verifications.ui.stepBack', { step: label })}
                onClick={() => onGo(s)}
              >
                {label}
              </button>
            ) : (
              label
            )}
          </li>
        );
      })}
    </ol>
  );
};
