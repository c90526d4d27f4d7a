import { useState } from 'react';

import { useStatusMutation } from '../appStatus';
import { chooseVaultFile, vaultChoose, type CreatedVault, type KnownVault } from '../ipc';
import { ErrorSummary } from '../shared/ErrorSummary';
import { Page } from '../shared/Page';
import { CreateVaultForm } from './CreateVaultForm';

type FirstRunScreenProps = {
  /** Where a new vault will be saved. */
  defaultVaultFolder: string;
  /** Receives the new vault's recovery key, which Rust returns only once. */
  onCreated: (created: CreatedVault) => void;
};

/** The first screen on a computer that knows no vault: create one, or open an existing file. */
export function FirstRunScreen({ defaultVaultFolder, onCreated }: FirstRunScreenProps) {
  const [creating, setCreating] = useState(false);
  const open = useStatusMutation(async (): Promise<KnownVault | null> => {
    const path = await chooseVaultFile();
    return path === null ? null : vaultChoose({ path });
  });

  if (creating) {
    return (
      <CreateVaultForm defaultVaultFolder={defaultVaultFolder} onCreated={onCreated} onCancel={() => setCreating(false)} />
    );
  }

  return (
    <Page>
      <ErrorSummary
        title="This file cannot be opened"
        errors={open.error ? [{ message: open.error.message }] : []}
        focusKey={open.submittedAt}
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
        disabled={open.isPending}
        onClick={() => open.mutate()}
      >
        Open an existing vault file
      </button>
    </Page>
  );
}
