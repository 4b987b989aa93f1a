import { CHANNELS } from '../../contract/channel-names.js';
import type { Dispatch } from './dispatcher.js';

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, input: unknown) => unknown): void;
}

export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null;
}

/** Every contract channel goes through the one dispatcher; the frame check happens here. */
export function registerIpc(ipc: IpcMainLike, dispatch: Dispatch, isTrustedFrame: (frame: SenderEvent['senderFrame']) => boolean): void {
  for (const channel of Object.values(CHANNELS)) {
    ipc.handle(channel, (event, input) => dispatch(channel, input, { trusted: isTrustedFrame(event.senderFrame) }));
  }
}
