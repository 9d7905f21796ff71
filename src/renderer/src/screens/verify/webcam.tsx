import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Live camera with an ID-card frame guide; the captured frame goes straight to OCR. */
export const Webcam = ({
  onCapture,
  onClose,
}: {
  onCapture: (png: Blob) => void;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | undefined;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } } })
      .then((s) => {
        stream = s;
        if (video.current) {
          video.current.srcObject = s;
          void video.current.play();
        }
      })
      .catch(() => setError(t('verifications.ui.capture.noCamera')));
    return () => stream?.getTracks().forEach((track) => track.stop());
  }, [t]);

  const capture = () => {
    const v = video.current;
    if (!v || v.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = v.videoWidth;
    canvas.height = v.videoHeight;
    canvas.getContext('2d')?.drawImage(v, 0, 0);
    canvas.toBlob((blob) => blob && onCapture(blob), 'image/png');
  };

  return (
    <div className="webcam" role="group" aria-label={t('verifications.ui.capture.camera')}>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : (
        <div className="webcam-frame">
          <video ref={video} muted playsInline aria-label={t('verifications.ui.capture.preview')} />
          <div className="webcam-guide" aria-hidden="true" />
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          onClick={capture}
          disabled={Boolean(error)}
          autoFocus
        >
          {t('verifications.ui.capture.shoot')}
        </button>
        <button type="button" onClick={onClose}>
          {t('verifications.ui.common.cancel')}
        </button>
      </div>
    </div>
  );
};
