// HAR files in and out of the panel, off its main thread: the worker's jobs (har-jobs.ts, run by
// har-worker.ts) and the main thread's client (har-transfer-client.ts).
export { HarJobs, type FromWorker, type ToWorker } from './har-jobs.ts';
export {
  HarTransferClient,
  type HarWorkerPort,
  type Transfer,
  type TransferOutcome,
  type TransferProgress,
} from './har-transfer-client.ts';
