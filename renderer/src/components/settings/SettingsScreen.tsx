import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/rekey';
import type { Settings, SettingsPatch } from '../../api/types';
import { Button } from '../common/Button';
import { Callout } from '../common/Callout';
import { Icon } from '../common/Icon';
import { Spinner } from '../common/Spinner';
import { SETTINGS_SECTIONS } from './settings-sections';
import '../screens/screens.css';
import './settings.css';
import '../vault/vault-header.css';

/** Every section from SETTINGS_SECTIONS, in order, over the settings main holds. */
export function SettingsScreen({ onBack }: { onBack: () => void }) {
  const [state, setState] = useState<{ settings: Settings; hasPassword: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('getSettings', {}).then((result) => {
      if (!live) return;
      if (result.ok) setState(result.value);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const save = useCallback(async (patch: SettingsPatch) => {
    const result = await call('saveSettings', patch);
    if (!result.ok) return result.error.message;
    setState(result.value);
    return null;
  }, []);

  return (
    <div className="settings-screen">
      <header className="vault-header">
        <div className="vault-header__title">
          <h1>Settings</h1>
          <p className="vault-header__count">Stored in the vault file, shared with the rekey command</p>
        </div>
        <div className="vault-header__actions">
          <Button icon="arrowLeft" onClick={onBack}>
            Back to keys
          </Button>
        </div>
      </header>
      <div className="settings-scroll">
        {state === null ? (
          error !== null ? (
            <Callout tone="danger" title="Settings could not be loaded">
              {error}
            </Callout>
          ) : (
            <Spinner label="Loading settings" />
          )
        ) : (
          SETTINGS_SECTIONS.map(({ id, title, description, icon, Component }) => (
            <section key={id} className="settings-section" aria-labelledby={`settings-${id}`}>
              <div className="settings-section__head">
                <span className="feature-list__icon">
                  <Icon name={icon} size={18} />
                </span>
                <div>
                  <h2 id={`settings-${id}`} className="settings-section__title">
                    {title}
                  </h2>
                  <p className="settings-section__description">{description}</p>
                </div>
              </div>
              <div className="settings-section__body">
                <Component settings={state.settings} hasPassword={state.hasPassword} save={save} reload={reload} />
              </div>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
