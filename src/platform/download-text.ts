/**
 * Save text as a file without the downloads permission: an object URL clicked through an
 * `<a download>` is an ordinary user download, and the URL is revoked right after.
 */
export function downloadText(
  fileName: string,
  text: string,
  mimeType: string,
  doc: Document = document,
): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
