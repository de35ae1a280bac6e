import { useState } from 'preact/hooks';
import type { PanelStore } from '../store/panel-store.ts';
import { normalizeHost } from '../store/normalize-host.ts';
import { LIMIT_BOUNDS } from '../store/settings.ts';

/** Host → profile mappings, retention limits, Preserve log and Clear. Changes apply at once. */
export function SettingsView({ store }: { store: PanelStore }) {
  return (
    <section class="settings" aria-labelledby="settings-heading" data-testid="settings">
      <header class="settings-head">
        <h2 id="settings-heading">Settings</h2>
        <button type="button" onClick={() => (store.view.value = 'list')}>
          Back to failures
        </button>
      </header>
      <HostMappings store={store} />
      <Profiles store={store} />
      <Retention store={store} />
      <fieldset>
        <legend>Session</legend>
        <label>
          <input
            type="checkbox"
            checked={store.settings.value.preserveLog}
            onChange={(e) => void store.updateSettings({ preserveLog: e.currentTarget.checked })}
          />{' '}
          Preserve log (keep failures when the page navigates)
        </label>{' '}
        <button type="button" onClick={() => store.clear()}>
          Clear captured failures
        </button>
      </fieldset>
    </section>
  );
}

function HostMappings({ store }: { store: PanelStore }) {
  const [host, setHost] = useState('');
  // No default profile: a preselected "generic" made a mapping that changed nothing (issue 13).
  const [profile, setProfile] = useState('');
  const [error, setError] = useState('');
  const user = store.settings.value.hostMap;
  const managed = store.managedHostMap.value;
  const add = (event: Event): void => {
    event.preventDefault();
    const normalized = normalizeHost(host);
    if (normalized === '') return setError('Enter a host name such as api.example.com.');
    if (profile === '') return setError(`Pick the provider whose documented policy ${normalized} follows.`);
    setError('');
    setHost('');
    setProfile('');
    void store.updateSettings({ hostMap: { ...user, [normalized]: profile } });
  };
  const remove = (name: string): void => {
    const next = { ...user };
    delete next[name];
    void store.updateSettings({ hostMap: next });
  };
  const hosts = [...new Set([...Object.keys(managed), ...Object.keys(user)])].sort();
  return (
    <fieldset>
      <legend>Host → profile</legend>
      <p class="muted">
        A mapped host is classified with that provider's documented policy before any other recognition.
      </p>
      {hosts.length > 0 && (
        <table class="mappings" data-testid="mappings">
          <tbody>
            {hosts.map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{user[name] ?? managed[name]}</td>
                <td>
                  {user[name] !== undefined ? (
                    <button
                      type="button"
                      aria-label={`Remove mapping for ${name}`}
                      onClick={() => remove(name)}
                    >
                      Remove
                    </button>
                  ) : (
                    <span class="muted">set by your organisation</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="add-mapping" onSubmit={add}>
        <label>
          Host{' '}
          <input
            value={host}
            onInput={(e) => setHost(e.currentTarget.value)}
            placeholder="api.example.com"
            data-testid="mapping-host"
          />
        </label>{' '}
        <label>
          Profile{' '}
          <select
            value={profile}
            onChange={(e) => setProfile(e.currentTarget.value)}
            data-testid="mapping-profile"
          >
            <option value="" disabled>
              Choose a profile…
            </option>
            {store.profileChoices.value.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit" data-testid="mapping-add">
          Add mapping
        </button>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
      </form>
    </fieldset>
  );
}

/**
 * Provider profiles: import a profile file (the JSON format of src/core/profiles/profile.schema.json),
 * see what is in force, remove what the user imported. A file that does not check out is refused
 * with every problem listed, and the stored profiles stay as they were.
 */
function Profiles({ store }: { store: PanelStore }) {
  const own = store.settings.value.profiles;
  const ownIds = new Set(own.map((doc) => doc.id));
  const managed = store.managedProfiles.value.filter((doc) => !ownIds.has(doc.id));
  const problems = store.profileProblems.value;
  const builtIns = store.profileChoices.value.filter((choice) => choice.builtIn && !ownIds.has(choice.id));
  const onFile = async (event: Event): Promise<void> => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    await store.importProfile(file.name, await file.text());
    input.value = '';
  };
  const rows = [
    ...own.map((doc) => ({ doc, managed: false })),
    ...managed.map((doc) => ({ doc, managed: true })),
  ];
  return (
    <fieldset data-testid="profiles">
      <legend>Provider profiles</legend>
      <p class="muted">
        A profile is one API's documented error policy as a JSON file (format version 1). Imported profiles
        are recognised before the built-in ones, and one with a built-in's id replaces it.
      </p>
      {rows.length > 0 && (
        <table class="mappings" data-testid="profile-list">
          <tbody>
            {rows.map(({ doc, managed: byOrganisation }) => (
              <tr key={doc.id} data-testid="profile-row" data-profile={doc.id}>
                <th scope="row">{doc.name}</th>
                <td>
                  <code>{doc.id}</code>
                </td>
                <td class="muted">{(doc.recognize.hosts ?? []).join(', ') || 'by mapping or signature'}</td>
                <td>
                  {byOrganisation ? (
                    <span class="muted">set by your organisation</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={`Remove profile ${doc.name}`}
                      onClick={() => void store.removeProfile(doc.id)}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label>
        Import a profile file{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onFile(e)}
          data-testid="profile-import"
        />
      </label>
      {problems.length > 0 && (
        <div class="error" role="alert" data-testid="profile-problems">
          <p>The profile was not imported:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <p class="muted">Built in: {builtIns.map((choice) => choice.name).join(', ')}.</p>
    </fieldset>
  );
}

type LimitName = 'maxFailures' | 'maxSuccesses' | 'maxBodyChars' | 'maxRetainedBodyMB';

/**
 * The retention limits (issue 11): memory goes to failures first. Defaults keep 10,000 failures
 * and 2,000 successes within about 120 MB of panel memory (DEFAULT_RETENTION in core/retention.ts).
 */
function Retention({ store }: { store: PanelStore }) {
  const apply = (name: LimitName, value: string): void => {
    const number = Number(value);
    if (Number.isFinite(number) && number >= 0) void store.updateSettings({ [name]: number });
  };
  return (
    <fieldset>
      <legend>Retention (memory)</legend>
      <LimitInput store={store} name="maxFailures" testId="max-failures" apply={apply}>
        failures (oldest dropped first)
      </LimitInput>
      <br />
      <LimitInput store={store} name="maxSuccesses" testId="max-successes" apply={apply}>
        successes, headers and timing only (for findings; they never push out a failure)
      </LimitInput>
      <br />
      <LimitInput store={store} name="maxBodyChars" testId="max-body" apply={apply}>
        characters per body (longer ones are truncated and marked)
      </LimitInput>
      <br />
      <LimitInput store={store} name="maxRetainedBodyMB" testId="max-body-memory" apply={apply}>
        million characters of failure bodies in all (past it, the oldest bodies are cut to their first 2,048
        characters; the failures stay listed)
      </LimitInput>
      <br />
      <label>
        <input
          type="checkbox"
          checked={store.settings.value.keepSuccessBodies}
          onChange={(e) => void store.updateSettings({ keepSuccessBodies: e.currentTarget.checked })}
          data-testid="keep-success-bodies"
        />{' '}
        Keep the request bodies of successful calls (only the HAR export uses them)
      </label>
    </fieldset>
  );
}

interface LimitInputProps {
  store: PanelStore;
  name: LimitName;
  testId: string;
  apply: (name: LimitName, value: string) => void;
  children: string;
}

/** "Keep at most N <unit>": one retention limit, bounded as the settings parser bounds it. */
function LimitInput({ store, name, testId, apply, children }: LimitInputProps) {
  return (
    <label>
      Keep at most{' '}
      <input
        type="number"
        min={LIMIT_BOUNDS[name].min}
        max={LIMIT_BOUNDS[name].max}
        value={store.settings.value[name]}
        onChange={(e) => apply(name, e.currentTarget.value)}
        data-testid={testId}
      />{' '}
      {children}
    </label>
  );
}
