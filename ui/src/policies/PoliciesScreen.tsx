import { useState } from 'react';

import type { SessionInfo } from '../ipc';
import { LoadFailed, Loading } from '../shared/QueryState';
import { SuccessMessage } from '../shared/SuccessMessage';
import { PolicyForm } from './PolicyForm';
import { PolicyRegister } from './PolicyRegister';
import { PolicyScreen, type PolicyMode } from './PolicyScreen';
import { usePolicyRegister, type PolicyId } from './usePolicies';

/** What the policies screen shows: the register, the form to add one, or one policy. */
type View = { kind: 'register' } | { kind: 'add' } | { kind: 'policy'; id: PolicyId; mode: PolicyMode };

/**
 * The policy register: every policy the practice holds, where each stands, and for each its
 * versions, sign-offs and acknowledgements. What anyone may do here is decided in core.
 */
export function PoliciesScreen({ session }: { session: SessionInfo }) {
  const register = usePolicyRegister();
  const [view, setView] = useState<View>({ kind: 'register' });
  // What the last change did, shown until the next move.
  const [message, setMessage] = useState<string | null>(null);
  const go = (next: View, said?: string) => {
    setView(next);
    setMessage(said ?? null);
  };
  const toRegister = () => go({ kind: 'register' });

  function content() {
    if (register.isPending) {
      return (
        <>
          <h1>Policies</h1>
          <Loading>Loading the policy register…</Loading>
        </>
      );
    }
    if (register.isError) {
      return (
        <>
          <h1>Policies</h1>
          <LoadFailed title="The policy register cannot be shown" error={register.error} onRetry={() => void register.refetch()} />
        </>
      );
    }
    switch (view.kind) {
      case 'add':
        return (
          <PolicyForm
            mode="add"
            register={register.data}
            onCancel={toRegister}
            onAdded={(added) =>
              go({ kind: 'policy', id: added.id, mode: { kind: 'page' } }, `${added.title} added to the register`)
            }
          />
        );
      case 'policy':
        return (
          <PolicyScreen
            key={String(view.id)}
            id={view.id}
            mode={view.mode}
            register={register.data}
            message={message}
            onMode={(mode, said) => go({ kind: 'policy', id: view.id, mode }, said)}
            onBack={toRegister}
          />
        );
      case 'register':
        return (
          <>
            <SuccessMessage id="policy-message" message={message} />
            <h1>Policies</h1>
            <p>
              The practice&apos;s policies: who owns each, who signs off a new version, when each is next reviewed, and
              where each stands today.
              {session.permissions.managePolicies ? null : ' The practice manager and the IG lead keep the register.'}
            </p>
            {register.data.canManage ? (
              <button type="button" className="nhsuk-button" id="policy-add" onClick={() => go({ kind: 'add' })}>
                Add a policy
              </button>
            ) : null}
            <PolicyRegister view={register.data} onOpen={(policy) => go({ kind: 'policy', id: policy.id, mode: { kind: 'page' } })} />
          </>
        );
    }
  }

  return <div id="policies-screen">{content()}</div>;
}
