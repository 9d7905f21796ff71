export { emptyOcrDocument as ocrDocument } from '../../src/shared/contract/ocr';
