import { ipcMain } from 'electron';
import { CHANNELS } from '../../contract/channel-names.js';
import type { Dispatch } from './dispatcher.js';

/** The frame a request came from, as Electron reports it (null once the frame is gone). */
export type SenderFrame = { readonly url: string } | null;

/**
 * The one file in main that touches ipcMain (the lint rules allow it nowhere else): every
 * contract channel goes through the one dispatcher, and the frame check happens here.
 */
export function registerIpc(dispatch: Dispatch, isTrustedFrame: (frame: SenderFrame) => boolean): void {
  for (const channel of Object.values(CHANNELS)) {
    ipcMain.handle(channel, (event, input) => dispatch(channel, input, { trusted: isTrustedFrame(event.senderFrame) }));
  }
}
