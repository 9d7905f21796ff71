export { createOcrService, type OcrService, type ReadOptions } from './ocr-service';
export { watchScannerFolder, type ScannerWatcher, type WatchOptions } from './scanner-folder';
export { sniffFormat, LIMITS, type ImageFormat } from './image-input';
