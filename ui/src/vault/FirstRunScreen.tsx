import { useState } from 'react';

import { useStatusMutation } from '../appStatus';
import { chooseVaultFile, vaultChoose, vaultOpenDemo, type CreatedVault, type KnownVault } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { Page } from '../shared/Page';
import { CreateVaultForm } from './CreateVaultForm';

type FirstRunScreenProps = {
  /** Where a new vault will be saved. */
  defaultVaultFolder: string;
  /** Receives the new vault's recovery key, which Rust returns only once. */
  onCreated: (created: CreatedVault) => void;
};

/** The logins of the invented demo practice, each holding one role, as the README lists them. */
const DEMO_LOGINS = [
  { login: 'demo.manager', role: 'Practice manager' },
  { login: 'demo.iglead', role: 'IG lead' },
  { login: 'demo.caldicott', role: 'Caldicott Guardian' },
  { login: 'demo.siro', role: 'SIRO' },
  { login: 'demo.dpo', role: 'DPO' },
  { login: 'demo.staff', role: 'Staff' },
] as const;

/** The password of every demo login. Published in the README: the demo holds only invented data. */
const DEMO_PASSWORD = 'heron lantern quarry 42';

/**
 * The first screen on a computer that knows no vault: create one, open an existing file, or look
 * around an invented demo practice.
 */
export function FirstRunScreen({ defaultVaultFolder, onCreated }: FirstRunScreenProps) {
  const [creating, setCreating] = useState(false);
  const open = useStatusMutation(async (): Promise<KnownVault | null> => {
    const path = await chooseVaultFile();
    return path === null ? null : vaultChoose({ path });
  });
  const demo = useStatusMutation(vaultOpenDemo);
  const busy = open.isPending || demo.isPending;

  if (creating) {
    return (
      <CreateVaultForm defaultVaultFolder={defaultVaultFolder} onCreated={onCreated} onCancel={() => setCreating(false)} />
    );
  }

  return (
    <Page>
      <ErrorSummary
        title={demo.error ? 'The demo practice cannot be opened' : 'This file cannot be opened'}
        errors={open.error ? [{ message: open.error.message }] : demo.error ? [{ message: demo.error.message }] : []}
        focusKey={`${open.submittedAt}:${demo.submittedAt}`}
      />
      <h1>Welcome to Custodian</h1>
      <p className="nhsuk-body-l">
        Custodian keeps your practice&apos;s information governance records in one encrypted file on this computer.
      </p>

      <h2 className="nhsuk-heading-m">Is your practice new to Custodian?</h2>
      <p>Create a vault for the practice. You will be its first user, and you will be given a recovery key to keep safe.</p>
      <button type="button" className="nhsuk-button" id="create-vault-start" onClick={() => setCreating(true)}>
        Create a practice vault
      </button>

      <h2 className="nhsuk-heading-m">Does your practice already use Custodian?</h2>
      <p>Open the practice&apos;s vault file, for example from a shared drive or a backup.</p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id="open-vault-start"
        disabled={busy}
        onClick={() => {
          demo.reset();
          open.mutate();
        }}
      >
        Open an existing vault file
      </button>

      <h2 className="nhsuk-heading-m">Would you like to look around first?</h2>
      <p>
        Explore a demo practice made for trying Custodian. Its staff, roles and records are invented, and nothing you
        do there touches a real practice.
      </p>
      <p>
        Every demo login uses the password shown in Custodian&apos;s README:{' '}
        <strong className="custodian-monospace" id="demo-password">
          {DEMO_PASSWORD}
        </strong>
      </p>
      <table className="nhsuk-table" id="demo-logins">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">Demo logins, one for each role</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Login name
            </th>
            <th scope="col" className="nhsuk-table__header">
              Role
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {DEMO_LOGINS.map(({ login, role }) => (
            <tr className="nhsuk-table__row" key={login}>
              <td className="nhsuk-table__cell custodian-monospace">{login}</td>
              <td className="nhsuk-table__cell">{role}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div role="status" aria-live="polite" id="demo-progress">
        {demo.isPending ? (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              <strong>Making the demo practice…</strong> The first time, this takes a few seconds.
            </p>
          </div>
        ) : null}
      </div>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id="explore-demo"
        disabled={busy}
        onClick={() => {
          open.reset();
          demo.mutate();
        }}
      >
        {demo.isPending ? 'Making the demo practice…' : 'Explore a demo practice'}
      </button>
    </Page>
  );
}
