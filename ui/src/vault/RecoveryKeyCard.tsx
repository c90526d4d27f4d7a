type RecoveryKeyCardProps = {
  /** The key in its printed form (ten groups of four). */
  recoveryKey: string;
  /** The id of the element that shows the key. */
  keyId: string;
  /** The vault it opens, printed with the key. */
  vaultPath: string;
};

/** A recovery key shown once: why it matters, the key itself (large, printable), and a print button. */
export function RecoveryKeyCard({ recoveryKey, keyId, vaultPath }: RecoveryKeyCardProps) {
  return (
    <>
      <div className="nhsuk-warning-callout">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            This key is shown only once
          </span>
        </h2>
        <p>
          If you forget your password, this recovery key is the only way back into the practice&apos;s records. Nobody
          can give it to you again: not Custodian, and not IT support.
        </p>
        <p>Print it or write it down now. Keep it somewhere safe, like a locked drawer or the practice safe, and not on this computer.</p>
      </div>

      <section className="custodian-printable" aria-labelledby={`${keyId}-heading`}>
        <h2 className="nhsuk-heading-s" id={`${keyId}-heading`}>
          Recovery key
        </h2>
        <p className="custodian-recovery-key" id={keyId}>
          {recoveryKey}
        </p>
        <p className="custodian-print-only">
          Custodian vault: {vaultPath}. Keep this page somewhere safe, away from the computer.
        </p>
      </section>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => window.print()}>
        Print the recovery key
      </button>
    </>
  );
}
