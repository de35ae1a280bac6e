/**
 * Save a Blob as a file without the downloads permission: an object URL clicked through an
 * `<a download>` is an ordinary user download. The URL is revoked a minute later, not at once: a
 * sanitized HAR of hundreds of megabytes is still being read from it after the click returns
 * (Firefox starts the download asynchronously).
 */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Save text (a ticket, a small export) as a file. */
export function downloadText(
  fileName: string,
  text: string,
  mimeType: string,
  doc: Document = document,
): void {
  downloadBlob(fileName, new Blob([text], { type: mimeType }), doc);
}
