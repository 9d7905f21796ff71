/** The files a filing may carry: the one list the contract, the screen, the CLI and the core use. */
export const attachmentMediaTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[number];

export const isAttachmentMediaType = (value: string): value is AttachmentMediaType =>
  (attachmentMediaTypes as readonly string[]).includes(value);

const BY_EXTENSION: Readonly<Record<string, AttachmentMediaType>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};

/** For a file named on the command line, where no browser says what it is. */
export const attachmentMediaTypeOf = (fileName: string): AttachmentMediaType | undefined => {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
};
