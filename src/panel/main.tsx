import { render } from 'preact';
import { browserPlatform } from '../platform/browser-platform.ts';
import { App } from './app.tsx';
import { preloadDetailOnFirstFailure } from './components/lazy-view.tsx';
import { afterNextPaint, PanelStore } from './store/panel-store.ts';
import './styles.css';

const store = new PanelStore(browserPlatform());
const root = document.getElementById('app');
if (root) render(<App store={store} />, root);
preloadDetailOnFirstFailure(store.hasFailures, afterNextPaint);
store
  .start()
  .catch((error: unknown) =>
    store.reportError(`The panel could not start (${String(error)}). Close and reopen DevTools.`),
  );
