import type { Ref } from 'react';
import '../common/field.css';

interface SecretValueInputProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  onValue: (value: string) => void;
  placeholder?: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * Where a secret is pasted. Uncontrolled on purpose: React never writes the value back into
 * the DOM (no value attribute), and the field is the only place the pasted value appears.
 */
export function SecretValueInput({ onValue, placeholder = 'Paste the key', ...rest }: SecretValueInputProps) {
  return (
    <input
      {...rest}
      type="password"
      className="input input--secret"
      name="secret-value"
      autoComplete="off"
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      placeholder={placeholder}
      data-autofocus
      onInput={(event) => onValue(event.currentTarget.value)}
    />
  );
}
