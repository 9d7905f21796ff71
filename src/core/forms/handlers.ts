import type { formsOps } from '../../shared/contract/forms';
import { type HandlersFor, requireActor } from '../app/handlers';
import type { FormsService } from './forms-service';

export const formsHandlers = (forms: FormsService): HandlersFor<typeof formsOps> => ({
  formsTemplates: () => forms.templates(),
  formsConfigGet: () => forms.config(),
  formsConfigUpdate: (input, ctx) => forms.updateConfig(requireActor(ctx), input),
  formsFile: (input, ctx) => forms.file(requireActor(ctx), input),
  formsList: (input) => forms.list(input),
  formsGet: (input) => forms.get(input.id),
  formsReceipt: async (input, ctx) => {
    const { pdf, filename } = await forms.receipt(
      requireActor(ctx),
      input.id,
      input.format,
      input.language,
      input.purpose,
    );
    return { fileName: filename, base64: pdf.toString('base64') };
  },
  formsReceiptPrinted: (input, ctx) => {
    forms.recordPrinted(requireActor(ctx), input.id, input.format);
    return {};
  },
});
