import type { UseFormRegisterReturn } from 'react-hook-form';

import { TextField } from '../shared/TextField';

type CertificateFileFieldProps = {
  error: string | undefined;
  registration: UseFormRegisterReturn;
  /** Opens the native dialog; the chosen path is put in the field. */
  onChoose: () => void;
  choosing: boolean;
};

/** The certificate of destruction: its full path, typed or chosen in the open dialog. */
export function CertificateFileField({ error, registration, onChoose, choosing }: CertificateFileFieldProps) {
  return (
    <div className="nhsuk-form-group" id="disposal-certificate-group">
      <TextField
        id="disposal-certificate-path"
        label="The certificate's file"
        hint="PDF, PNG or JPEG"
        error={error}
        autoComplete="off"
        spellCheck={false}
        inputClassName="custodian-path"
        registration={registration}
      />
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        id="disposal-certificate-choose"
        disabled={choosing}
        onClick={onChoose}
      >
        Choose file…
      </button>
    </div>
  );
}
