import type { CoreDeps } from '../app/deps';
import { residentsRepo } from '../residents/repo';
import type { ResidentsService } from '../residents/residents-service';
import type { ResidentsPort } from './residents-port';
import { fullName } from '../../shared/person-name';

/** The register seen from the desk: the register's own resident id is what a verification keeps. */
export const residentsPort = (deps: CoreDeps, residents: ResidentsService): ResidentsPort => {
  const repo = residentsRepo(deps.db);
  return {
    getById: (id) => {
      const r = repo.byResidentId(id);
      return r
        ? {
            id: r.resident_id,
            fullName: fullName(r),
            documentMasked: r.document_masked,
            birthDate: r.birth_date,
            deregistered: r.status === 'deregistered',
          }
        : undefined;
    },
    match: (document) =>
      residents.match(document).map((c) => ({
        residentId: c.resident_id,
        score: c.score,
        verdict: c.verdict,
        reasons: c.reasons,
      })),
  };
};
