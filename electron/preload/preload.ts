import { contextBridge, ipcRenderer } from 'electron';
import { makeApi } from './make-api.js';

contextBridge.exposeInMainWorld(
  'rekey',
  makeApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
