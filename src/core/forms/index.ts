export { applyOfficialNumber } from './entries';
export { createFormsService, type FormsService, readAttachment } from './forms-service';
export { formsHandlers } from './handlers';
export { applyAttachmentRetention } from './retention';
export { applyTemplateVersion, bundledTemplates } from './templates';
export { formsChangeAppliers } from './sync-appliers';
