import type { CopyResult } from './platform.ts';

function copyWithExecCommand(text: string, doc: Document): boolean {
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off-screen but selectable: display:none elements cannot hold a selection.
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  doc.body.appendChild(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * Copy text from a DevTools panel. The async Clipboard API works in current Chromium and Firefox
 * panels after a user click (TESTING.md); older Chromium panels reject it, where the deprecated
 * execCommand('copy') on a selected textarea still works — hence the fallback.
 */
export async function copyText(text: string, doc: Document = document): Promise<CopyResult> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    if (doc.defaultView?.navigator.clipboard) return 'clipboard-api';
  } catch {
    // fall through to the execCommand path
  }
  return copyWithExecCommand(text, doc) ? 'exec-command' : 'failed';
}
