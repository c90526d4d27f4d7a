import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { ChoosePasswordScreen } from './account/ChoosePasswordScreen';
import { AccountScreen } from './account/AccountScreen';
import { forgetSessionData, useAppStatus, useStatusMutation } from './appStatus';
import { AcknowledgementsScreen } from './acknowledgements/AcknowledgementsScreen';
import { QuickAcknowledgePage } from './acknowledgements/QuickAcknowledgePage';
import { QuickAcknowledgeScreen } from './acknowledgements/QuickAcknowledgeScreen';
import { AuditScreen } from './audit/AuditScreen';
import { ByodScreen } from './byod/ByodScreen';
import { DevicesScreen } from './devices/DevicesScreen';
import { DisposalsScreen } from './disposals/DisposalsScreen';
import { DsptScreen } from './dspt/DsptScreen';
import { HomeScreen } from './home/HomeScreen';
import { IncidentsScreen, type IncidentsStart } from './incidents/IncidentsScreen';
import { sessionLock, type AppStatus, type CreatedVault, type KnownVault, type SessionInfo } from './ipc';
import { PacksScreen } from './packs/PacksScreen';
import { StaffScreen } from './people/StaffScreen';
import { PoliciesScreen } from './policies/PoliciesScreen';
import { LockScreen } from './session/LockScreen';
import { NewPasswordScreen } from './session/NewPasswordScreen';
import { RecoverScreen } from './session/RecoverScreen';
import { sectionsFor, SessionPage, type Section } from './session/SessionPage';
import { SignInScreen } from './session/SignInScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { Page } from './shared/Page';
import { useIdleTimer } from './shared/useIdleTimer';
import { FirstRunScreen } from './vault/FirstRunScreen';
import { RecoveryKeyScreen } from './vault/RecoveryKeyScreen';

/**
 * The section open in the signed-in app, and for whom: unlocking carries on where the person left
 * off. `visit` counts the moves, so choosing a section again starts it afresh. `incidents` is where the
 * incidents section opens when another screen sends someone there (a device's page).
 */
type Place = { login: string; section: Section; visit: number; incidents?: IncidentsStart };

/** Shows the screen that fits the app's state in Rust. */
export function App() {
  const status = useAppStatus();
  const queryClient = useQueryClient();
  // Rust returns the recovery key once, in the vault_create response; it lives here until confirmed.
  const [created, setCreated] = useState<CreatedVault | null>(null);
  // The idle time that locked the screen, when this window locked it.
  const [lockedAfter, setLockedAfter] = useState<number | null>(null);
  const [place, setPlace] = useState<Place | null>(null);
  // The thanks on the sign-in screen once a quick sign-in has finished.
  const [quickFinished, setQuickFinished] = useState(false);

  const signedIn = Boolean(status.data?.session);
  // Signing out (not locking) ends the visit: the next sign-in starts at home.
  if (!signedIn && !status.data?.locked && place !== null) setPlace(null);
  // The thanks after a quick sign-in last until the next sign-in.
  const [wasSignedIn, setWasSignedIn] = useState(signedIn);
  if (wasSignedIn !== signedIn) {
    setWasSignedIn(signedIn);
    if (signedIn) setQuickFinished(false);
  }
  useEffect(() => {
    // Nothing read in a session outlives it.
    if (!signedIn) forgetSessionData(queryClient);
  }, [signedIn, queryClient]);

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
      place={place}
      onNavigate={setPlace}
      quickFinished={quickFinished}
      onQuickFinished={() => setQuickFinished(true)}
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
  place: Place | null;
  onNavigate: (place: Place) => void;
  quickFinished: boolean;
  onQuickFinished: () => void;
};

function Screen({
  status,
  created,
  onCreated,
  onRecoveryKeyConfirmed,
  lockedAfter,
  onLocking,
  place,
  onNavigate,
  quickFinished,
  onQuickFinished,
}: ScreenProps) {
  if (status.session) {
    // A quick sign-in on a shared computer (core enforces it): only the person's policies.
    if (status.session.acknowledgeOnly) {
      return <QuickAcknowledgePage session={status.session} onFinished={onQuickFinished} />;
    }
    return <SignedIn session={status.session} onLocking={onLocking} place={place} onNavigate={onNavigate} />;
  }
  if (status.locked) return <LockScreen person={status.locked} idleMinutes={lockedAfter} />;
  if (status.pendingRecoveryConfirmation) {
    return <RecoveryKeyScreen created={created} onConfirmed={onRecoveryKeyConfirmed} />;
  }
  if (status.pendingPasswordReset) {
    return <NewPasswordScreen person={status.pendingPasswordReset} practiceName={status.vault?.practiceName ?? null} />;
  }
  if (status.vault) {
    return <SignedOut vault={status.vault} quickFinished={quickFinished} />;
  }
  return <FirstRunScreen defaultVaultFolder={status.defaultVaultFolder} onCreated={onCreated} />;
}

type SignedInProps = {
  session: SessionInfo;
  onLocking: (minutes: number) => void;
  place: Place | null;
  onNavigate: (place: Place) => void;
};

/** The signed-in app, locked by Rust after the practice's idle time. */
function SignedIn({ session, onLocking, place, onNavigate }: SignedInProps) {
  const lock = useStatusMutation(sessionLock);
  useIdleTimer(session.idleLockMinutes, () => {
    onLocking(session.idleLockMinutes);
    lock.mutate();
  });

  // A one-time password: nothing else until the person has chosen their own.
  if (session.mustChangePassword) return <ChoosePasswordScreen session={session} />;

  const { login } = session.person;
  const open = sectionsFor(session.permissions).map((link) => link.section);
  // Another person, or a section their roles no longer open: start at home.
  const section = place?.login === login && open.includes(place.section) ? place.section : 'home';
  const visit = place?.visit ?? 0;
  const navigate = (next: Section) => onNavigate({ login, section: next, visit: visit + 1 });
  const openIncidents = (start: IncidentsStart) =>
    onNavigate({ login, section: 'incidents', visit: visit + 1, incidents: start });
  const incidentsStart = section === 'incidents' && place?.login === login ? place.incidents : undefined;

  return (
    <SessionPage
      session={session}
      navigation={{ current: section, onNavigate: navigate }}
      wide={section === 'staff' || section === 'audit' || section === 'policies' || section === 'acknowledgements' || section === 'devices' || section === 'disposals' || section === 'byod' || section === 'incidents' || section === 'dspt'}
    >
      <SectionScreen
        key={visit}
        section={section}
        session={session}
        onNavigate={navigate}
        incidentsStart={incidentsStart}
        onOpenIncidents={openIncidents}
      />
    </SessionPage>
  );
}

type SectionScreenProps = {
  section: Section;
  session: SessionInfo;
  onNavigate: (section: Section) => void;
  incidentsStart: IncidentsStart | undefined;
  onOpenIncidents: (start: IncidentsStart) => void;
};

function SectionScreen({ section, session, onNavigate, incidentsStart, onOpenIncidents }: SectionScreenProps) {
  switch (section) {
    case 'home':
      return <HomeScreen session={session} onNavigate={onNavigate} onOpenIncidents={onOpenIncidents} />;
    case 'policies':
      return <PoliciesScreen session={session} />;
    case 'acknowledgements':
      return <AcknowledgementsScreen session={session} />;
    case 'devices':
      return <DevicesScreen session={session} onOpenIncidents={onOpenIncidents} />;
    case 'disposals':
      return <DisposalsScreen session={session} />;
    case 'byod':
      return <ByodScreen session={session} />;
    case 'incidents':
      return <IncidentsScreen session={session} start={incidentsStart} />;
    case 'staff':
      return <StaffScreen session={session} />;
    case 'audit':
      return <AuditScreen />;
    case 'dspt':
      return <DsptScreen session={session} onNavigate={onNavigate} />;
    case 'packs':
      return <PacksScreen session={session} />;
    case 'settings':
      return <SettingsScreen session={session} />;
    case 'account':
      return <AccountScreen session={session} />;
  }
}

type SignedOutProps = { vault: KnownVault; quickFinished: boolean };

/** A vault is known and nobody is signed in: sign in, sign in only to acknowledge policies, or recover with the key. */
function SignedOut({ vault, quickFinished }: SignedOutProps) {
  const [way, setWay] = useState<'sign_in' | 'recover' | 'quick'>('sign_in');
  switch (way) {
    case 'recover':
      return <RecoverScreen onBack={() => setWay('sign_in')} />;
    case 'quick':
      return <QuickAcknowledgeScreen vault={vault} onBack={() => setWay('sign_in')} />;
    case 'sign_in':
      return (
        <SignInScreen
          vault={vault}
          onRecover={() => setWay('recover')}
          onQuickAcknowledge={() => setWay('quick')}
          quickFinished={quickFinished}
        />
      );
  }
}
