import { join } from 'node:path';
import { changedFiles, snapshotDir } from './docs-guard';
import { DOCS_SCREENSHOTS_ENV, ROOT } from './harness';

/**
 * The e2e suite writes to test-artifacts/ only: it fails if it left docs/ (committed README
 * screenshots) changed. `npm run docs:screenshots` is the one run allowed to refresh them.
 */
export default function setup(): () => void {
  const docs = join(ROOT, 'docs');
  const before = snapshotDir(docs);
  return () => {
    if (process.env[DOCS_SCREENSHOTS_ENV] === '1') return;
    const changed = changedFiles(before, snapshotDir(docs));
    if (changed.length > 0) {
      throw new Error(
        `The e2e tests changed docs/ (${changed.join(', ')}); they may write only to test-artifacts/. Refresh the README's screenshots with npm run docs:screenshots.`,
      );
    }
  };
}
