import { act, render } from '@testing-library/preact';
import type { HarEntry } from '../../../src/core/har.ts';
import { App } from '../../../src/panel/app.tsx';
import { preloadViews } from '../../../src/panel/components/lazy-view.tsx';
import { PanelStore } from '../../../src/panel/store/panel-store.ts';
import { FakePlatform } from './fake-platform.ts';

/** Render the real App over the real store and a fake browser, then deliver the initial buffer. */
export async function mountPanel(initial: HarEntry[] = [], setup?: (platform: FakePlatform) => void) {
  // The lazily loaded views (detail, Settings, timeline) are fetched first, so tests can assert
  // right after an interaction, as with statically imported components.
  await preloadViews();
  const platform = new FakePlatform();
  setup?.(platform);
  const store = new PanelStore(platform);
  const view = render(<App store={store} />);
  await act(async () => {
    await store.start();
    await platform.entries(initial, true);
  });
  return { platform, store, view };
}

/** Run a change and let Preact re-render. */
export async function settle(change: () => unknown): Promise<void> {
  await act(async () => {
    await change();
  });
}

export function failures(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-testid="failure"]')];
}
