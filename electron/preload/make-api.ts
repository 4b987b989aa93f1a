import { CHANNELS } from '../contract/channel-names.js';
import type { Method, RekeyApi } from '../contract/channels.js';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * window.rekey: one named function per contract entry and nothing else, so the renderer can
 * never name a channel or reach ipcRenderer. Shared by the real preload and the e2e harness.
 */
export function makeApi(invoke: Invoke): RekeyApi {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(CHANNELS) as Method[]) {
    const channel = CHANNELS[method];
    api[method] = (input: unknown) => invoke(channel, input ?? {});
  }
  return Object.freeze(api) as unknown as RekeyApi;
}
