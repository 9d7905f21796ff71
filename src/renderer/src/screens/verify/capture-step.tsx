import { type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGlobalKeys } from './keys';
import { Webcam } from './webcam';

/**
 * Open, drop or photograph one or both sides; reading starts as soon as an image arrives. After a
 * failed reading, the data can be typed by hand instead, so nobody leaves unverified.
 */
export const CaptureStep = ({
  onImages,
  onTypeByHand,
}: {
  onImages: (files: Blob[]) => void;
  /** Given after a failed reading. */
  onTypeByHand?: () => void;
}) => {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [camera, setCamera] = useState(false);
  const [over, setOver] = useState(false);

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files].slice(0, 2);
    if (files.length > 0) onImages(files);
  };

  if (camera) return <Webcam onCapture={(b) => onImages([b])} onClose={() => setCamera(false)} />;
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p className="lead">{t('verifications.ui.capture.prompt')}</p>
      <div className="row">
        <button
          type="button"
          className={onTypeByHand ? '' : 'primary'}
          onClick={() => input.current?.click()}
          autoFocus={!onTypeByHand}
        >
          {t('verifications.ui.capture.open')} <kbd>O</kbd>
        </button>
        <button type="button" onClick={() => setCamera(true)}>
          {t('verifications.ui.capture.camera')} <kbd>W</kbd>
        </button>
        {onTypeByHand && (
          <button type="button" className="primary" onClick={onTypeByHand} autoFocus>
            {t('verifications.ui.capture.manual')} <kbd>M</kbd>
          </button>
        )}
      </div>
      {onTypeByHand && <p className="hint">{t('verifications.ui.capture.manualHint')}</p>}
      <input
        ref={input}
        type="file"
        accept="image/png,image/jpeg,image/tiff,image/bmp,image/webp"
        multiple
        hidden
        aria-label={t('verifications.ui.capture.file')}
        data-testid="card-file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].slice(0, 2);
          e.target.value = '';
          if (files.length > 0) onImages(files);
        }}
      />
      <p className="hint">{t('verifications.ui.capture.hint')}</p>
      <ShortcutKeys
        onOpen={() => input.current?.click()}
        onCamera={() => setCamera(true)}
        onManual={onTypeByHand}
      />
    </div>
  );
};

/** O and W work from anywhere on the capture step, as the buttons say. */
const ShortcutKeys = ({
  onOpen,
  onCamera,
  onManual,
}: {
  onOpen: () => void;
  onCamera: () => void;
  onManual: (() => void) | undefined;
}) => {
  useGlobalKeys({ o: onOpen, w: onCamera, ...(onManual ? { m: onManual } : {}) });
  return null;
};
