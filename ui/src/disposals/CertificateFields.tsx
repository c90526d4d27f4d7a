import type { UseFormRegisterReturn } from 'react-hook-form';

import { TextField } from '../shared/TextField';

type CertificateField = 'certificateNumber' | 'certificatePath' | 'witness';

type CertificateFieldsProps = {
  errorOf: (field: CertificateField) => string | undefined;
  register: (field: CertificateField) => UseFormRegisterReturn;
  /** Who the witness is, for this kind of disposal. */
  witnessHint: string;
  /** Opens the native dialog; the chosen path is put in the field. */
  onChoose: () => void;
  choosing: boolean;
};

/**
 * The proof of a disposal: the certificate of destruction's number, its file (full path, typed or
 * chosen in the open dialog) and the witness.
 */
export function CertificateFields({ errorOf, register, witnessHint, onChoose, choosing }: CertificateFieldsProps) {
  return (
    <>
      <TextField
        id="disposal-certificate-number"
        label="Certificate of destruction number"
        error={errorOf('certificateNumber')}
        width={20}
        autoComplete="off"
        registration={register('certificateNumber')}
      />
      <div className="nhsuk-form-group" id="disposal-certificate-group">
        <TextField
          id="disposal-certificate-path"
          label="The certificate's file"
          hint="PDF, PNG or JPEG"
          error={errorOf('certificatePath')}
          autoComplete="off"
          spellCheck={false}
          inputClassName="custodian-path"
          registration={register('certificatePath')}
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
      <TextField
        id="disposal-witness"
        label="Witness"
        hint={witnessHint}
        error={errorOf('witness')}
        autoComplete="off"
        registration={register('witness')}
      />
    </>
  );
}
