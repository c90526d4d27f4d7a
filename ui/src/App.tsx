import { useState } from 'react';

import { useAppStatus, useStatusMutation } from './appStatus';
import { HomeScreen } from './home/HomeScreen';
import { sessionLock, type AppStatus, type CreatedVault, type KnownVault, type SessionInfo } from './ipc';
import { LockScreen } from './session/LockScreen';
import { NewPasswordScreen } from './session/NewPasswordScreen';
import { RecoverScreen } from './session/RecoverScreen';
import { SignInScreen } from './session/SignInScreen';
import { Page } from './shared/Page';
import { useIdleTimer } from './shared/useIdleTimer';
import { FirstRunScreen } from './vault/FirstRunScreen';
import { RecoveryKeyScreen } from './vault/RecoveryKeyScreen';

/** Shows the screen that fits the app's state in Rust. */
export function App() {
  const status = useAppStatus();
  // Rust returns the recovery key once, in the vault_create response; it lives here until confirmed.
  const [created, setCreated] = useState<CreatedVault | null>(null);
  // The idle time that locked the screen, when this window locked it.
  const [lockedAfter, setLockedAfter] = useState<number | null>(null);

  if (status.isPending) {
    return (
      <Page>
        <div role="status">
          <h1>Opening…</h1>
        </div>
      </Page>
    );
  }
  if (status.isError) {
    return (
      <Page>
        <h1>Custodian cannot start</h1>
        <p>{status.error.message}</p>
        <button type="button" className="nhsuk-button" onClick={() => void status.refetch()}>
          Try again
        </button>
      </Page>
    );
  }
  return (
    <Screen
      status={status.data}
      created={created}
      onCreated={setCreated}
      onRecoveryKeyConfirmed={() => setCreated(null)}
      lockedAfter={lockedAfter}
      onLocking={setLockedAfter}
    />
  );
}

type ScreenProps = {
  status: AppStatus;
  created: CreatedVault | null;
  onCreated: (created: CreatedVault) => void;
  onRecoveryKeyConfirmed: () => void;
  lockedAfter: number | null;
  onLocking: (minutes: number) => void;
};

function Screen({ status, created, onCreated, onRecoveryKeyConfirmed, lockedAfter, onLocking }: ScreenProps) {
  if (status.session) return <SignedIn session={status.session} onLocking={onLocking} />;
  if (status.locked) return <LockScreen person={status.locked} idleMinutes={lockedAfter} />;
  if (status.pendingRecoveryConfirmation) {
    return <RecoveryKeyScreen created={created} onConfirmed={onRecoveryKeyConfirmed} />;
  }
  if (status.pendingPasswordReset) {
    return <NewPasswordScreen person={status.pendingPasswordReset} practiceName={status.vault?.practiceName ?? null} />;
  }
  if (status.vault) return <SignedOut vault={status.vault} />;
  return <FirstRunScreen defaultVaultFolder={status.defaultVaultFolder} onCreated={onCreated} />;
}

/** The signed-in app, locked by Rust after the practice's idle time. */
function SignedIn({ session, onLocking }: { session: SessionInfo; onLocking: (minutes: number) => void }) {
  const lock = useStatusMutation(sessionLock);
  useIdleTimer(session.idleLockMinutes, () => {
    onLocking(session.idleLockMinutes);
    lock.mutate();
  });
  return <HomeScreen session={session} />;
}

/** A vault is known and nobody is signed in: sign in, or recover with the key. */
function SignedOut({ vault }: { vault: KnownVault }) {
  const [recovering, setRecovering] = useState(false);
  return recovering ? (
    <RecoverScreen onBack={() => setRecovering(false)} />
  ) : (
    <SignInScreen vault={vault} onRecover={() => setRecovering(true)} />
  );
}
