import { startCapture } from '../platform/capture/start-capture.ts';
import { createPanel } from '../platform/create-panel.ts';

// Capture starts first so nothing finishing while the panel is being created is missed.
startCapture();
createPanel().catch((error: unknown) => console.error('[api-errors] could not create the panel', error));
