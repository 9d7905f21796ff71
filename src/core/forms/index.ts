export { applyOfficialNumber } from './entries';
export { createFormsService, type FormsService, readAttachment } from './forms-service';
export { formsHandlers } from './handlers';
export { applyTemplateVersion, bundledTemplates } from './templates';
export { formsChangeAppliers } from './sync-appliers';
