/** The parts of Electron's WebContents and Session the guard touches; the tests pass stand-ins. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  session: {
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
    setPermissionCheckHandler(handler: () => boolean): void;
  };
}

/** Only the providers' key pages (https) may open, and only in the user's own browser. */
export function isOpenableExternally(url: string, allowedUrls: ReadonlySet<string>): boolean {
  return url.startsWith('https://') && allowedUrls.has(url);
}

/**
 * docs/architecture.md §6: the window never navigates away from the app, opens no windows and gets
 * no permissions (camera, notifications, ...). Rotate-now links go to the system browser.
 */
export function guardWebContents(
  contents: GuardedContents,
  isAppUrl: (url: string) => boolean,
  openExternally: (url: string) => void,
  allowedExternalUrls: ReadonlySet<string>,
): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url, allowedExternalUrls)) openExternally(url);
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
}
