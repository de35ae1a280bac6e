import { startDevtoolsPage } from '../platform/devtools-page.ts';

startDevtoolsPage();
