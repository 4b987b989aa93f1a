import { parentPort, workerData } from 'node:worker_threads';
import { isScanWorkerData, serveScanWorker } from './scan-pool.js';

// The entry of a scan worker thread (built as its own small bundle, dist/cli/scan-worker.js,
// so starting a thread does not load the whole CLI).
if (parentPort === null || !isScanWorkerData(workerData)) throw new Error('scan-worker is started by rekey scan, not run directly');
serveScanWorker(parentPort, workerData);
