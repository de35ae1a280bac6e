import type { PanelStore } from '../store/panel-store.ts';
import { normalizeHost } from '../store/normalize-host.ts';

/**
 * "Treat this host as …": the shortest path to fixing a wrong recognition. The choice is stored
 * like any Settings mapping and re-classifies the session at once.
 */
export function HostProfilePicker({ store, url }: { store: PanelStore; url: string }) {
  const host = normalizeHost(url);
  if (host === '') return null;
  const mapped = store.settings.value.hostMap[host] ?? store.managedHostMap.value[host];
  const onChange = (value: string): void => {
    const hostMap = { ...store.settings.value.hostMap };
    if (value === '') delete hostMap[host];
    else hostMap[host] = value;
    void store.updateSettings({ hostMap });
  };
  return (
    <p class="host-profile">
      <label>
        Profile for <code>{host}</code>{' '}
        <select
          value={mapped ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid="host-profile"
        >
          <option value="">recognise automatically</option>
          {store.profileChoices.value.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}
