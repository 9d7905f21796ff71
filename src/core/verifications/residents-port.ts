import type { OcrDocument } from '../../shared/contract/ocr';

/** What the desk needs from the register (issue 4); names always come from here, never from OCR. */
export interface RegisterResident {
  readonly id: string;
  readonly fullName: string;
  readonly documentMasked: string | null;
  readonly birthDate: string | null;
  readonly deregistered: boolean;
}

export interface RegisterCandidate {
  readonly residentId: string;
  readonly score: number;
  readonly verdict: 'strong' | 'review' | 'weak';
  readonly reasons: readonly string[];
}

export interface ResidentsPort {
  getById(id: string): RegisterResident | undefined;
  /** Ranked best first. */
  match(document: OcrDocument): RegisterCandidate[];
}
