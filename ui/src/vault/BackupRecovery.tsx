import { useMutation } from '@tanstack/react-query';

import { useStatusMutation } from '../appStatus';
import { backupFind, backupRestore, type BackupOffer, type SignInRequest } from '../ipc';
import { formatDay, formatMoment } from '../shared/dates';
import { ErrorSummary } from '../shared/ErrorSummary';
import { SummaryRow } from '../shared/SummaryRow';

type BackupRecoveryProps = {
  /**
   * The login and password just typed on the sign-in screen; `null` once they have been used (or
   * when there are none), so they are held no longer than needed.
   */
  credentials: SignInRequest | null;
  /** Called when the credentials have served and should be forgotten. */
  onCredentialsUsed: () => void;
};

/**
 * The vault file cannot be opened: look for the newest backup that opens with the login and
 * password just typed, say what it holds, and restore it over the vault (which is kept, not deleted).
 */
export function BackupRecovery({ credentials, onCredentialsUsed }: BackupRecoveryProps) {
  // gcTime 0: nothing about the backup outlives this screen.
  const find = useMutation({ mutationFn: backupFind, gcTime: 0 });
  const restore = useStatusMutation(backupRestore);
  const problem = find.error ?? restore.error;

  const look = () => {
    if (!credentials) return;
    find.mutate(credentials, {
      onSuccess: (offer) => {
        if (offer === null) onCredentialsUsed();
      },
      onError: onCredentialsUsed,
    });
  };

  const restoreOffer = (offer: BackupOffer) => {
    if (!credentials) return;
    restore.mutate({ path: offer.backup.path, ...credentials }, { onSettled: onCredentialsUsed });
  };

  return (
    <section aria-labelledby="damaged-vault-heading" id="damaged-vault">
      <ErrorSummary
        id="backup-error-summary"
        title="The backup could not be used"
        errors={problem ? [{ message: problem.message }] : []}
        focusKey={`${find.submittedAt}:${restore.submittedAt}`}
      />
      <h2 className="nhsuk-heading-m" id="damaged-vault-heading">
        Restore from a backup
      </h2>
      {find.data ? (
        <Offer offer={find.data} canRestore={credentials !== null} restoring={restore.isPending} onRestore={restoreOffer} />
      ) : find.isSuccess ? (
        <div className="nhsuk-inset-text" id="no-backup" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>No backup opens with that login and password.</p>
          <p>
            A backup opens only with a practice manager&apos;s login and the password they had on the backup&apos;s
            day. To try other details, sign in with them below.
          </p>
        </div>
      ) : (
        <>
          <p>
            Custodian keeps a backup of the vault each day. It can look for the newest backup that opens with the
            practice manager&apos;s login name and password you just typed.
          </p>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            id="find-backup"
            disabled={credentials === null || find.isPending}
            onClick={look}
          >
            {find.isPending ? 'Looking for a backup…' : 'Look for a backup'}
          </button>
        </>
      )}
    </section>
  );
}

type OfferProps = {
  offer: BackupOffer;
  canRestore: boolean;
  restoring: boolean;
  onRestore: (offer: BackupOffer) => void;
};

function Offer({ offer, canRestore, restoring, onRestore }: OfferProps) {
  return (
    <div className="nhsuk-card" id="backup-offer">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading">The backup of {formatDay(offer.backup.date)} opens</h3>
        <dl className="nhsuk-summary-list">
          <SummaryRow name="Practice">{offer.practiceName}</SummaryRow>
          <SummaryRow name="Backup of">{formatDay(offer.backup.date)}</SummaryRow>
          <SummaryRow name="Last change in it">
            {offer.lastChangeAt ? formatMoment(offer.lastChangeAt) : 'Not recorded'}
            {offer.lastChangeBy ? ` by ${offer.lastChangeBy}` : ''}
          </SummaryRow>
          {offer.lastChangeSummary ? <SummaryRow name="What that change was">{offer.lastChangeSummary}</SummaryRow> : null}
          <SummaryRow name="File">
            <span className="custodian-path">{offer.backup.path}</span>
          </SummaryRow>
        </dl>
        <p>
          Restoring puts this backup in place of the vault file. Anything saved after the backup was made will not be
          in it.
        </p>
        <p>
          The damaged vault file is <strong>not deleted</strong>: it is kept, renamed, in the backups folder, so
          nothing is lost.
        </p>
        <button
          type="button"
          className="nhsuk-button nhsuk-u-margin-bottom-0"
          id="restore-backup"
          disabled={!canRestore || restoring}
          onClick={() => onRestore(offer)}
        >
          {restoring ? 'Restoring…' : 'Restore this backup'}
        </button>
        {canRestore ? null : (
          <p className="nhsuk-body-s nhsuk-u-margin-top-3">Sign in again with the same details to look again.</p>
        )}
      </div>
    </div>
  );
}
