/**
 * Form fields with their label, hint and error wired for screen readers: the label names the
 * field, the hint and the error are read after it (aria-describedby), and an error marks it invalid.
 */
import type { ComponentChildren, InputHTMLAttributes, Ref, RefObject } from 'preact';
import { useId } from 'preact/hooks';

interface FieldFrameProps {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export interface TextFieldProps {
  label: ComponentChildren;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'url' | 'password' | 'number' | 'search' | 'date';
  hint?: ComponentChildren;
  error?: string;
  testId?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  autocomplete?: string;
  inputMode?: 'text' | 'email' | 'numeric' | 'url';
  multiline?: boolean;
  rows?: number;
  min?: number;
  max?: number;
  spellcheck?: boolean;
  /** For callers that insert text at the cursor (the template editor). */
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
}

export function TextField(props: TextFieldProps) {
  const id = useId();
  const common = {
    id,
    value: props.value,
    required: props.required,
    disabled: props.disabled,
    placeholder: props.placeholder,
    spellcheck: props.spellcheck,
    'data-testid': props.testId,
    'aria-invalid': props.error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, props.hint, props.error),
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      {props.multiline ? (
        <textarea {...common} ref={props.inputRef as Ref<HTMLTextAreaElement> | undefined} rows={props.rows ?? 6} />
      ) : (
        <input
          // Preact 11 types each input `type` separately; this one field serves several, so widen once here.
          {...({
            ...common,
            type: props.type ?? 'text',
            autocomplete: props.autocomplete,
            inputMode: props.inputMode,
            min: props.min,
            max: props.max,
          } as InputHTMLAttributes<HTMLInputElement>)}
          ref={props.inputRef as Ref<HTMLInputElement> | undefined}
        />
      )}
    </FieldFrame>
  );
}

export interface SelectFieldProps<V extends string> {
  label: ComponentChildren;
  value: V;
  options: readonly { value: V; label: string }[];
  /** Further options under a heading each (`<optgroup>`), after `options`. */
  groups?: readonly { label: string; options: readonly { value: V; label: string }[] }[];
  onChange: (value: V) => void;
  hint?: ComponentChildren;
  testId?: string;
  disabled?: boolean;
}

export function SelectField<V extends string>(props: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint}>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        aria-describedby={describedBy(id, props.hint, undefined)}
        onChange={(event) => props.onChange(event.currentTarget.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {props.groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  );
}

export interface CheckFieldProps {
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ComponentChildren;
  testId?: string;
  disabled?: boolean;
}

export function CheckField(props: CheckFieldProps) {
  const id = useId();
  return (
    <div class="check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        data-testid={props.testId}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      <label for={id}>
        {props.label}
        {props.hint && (
          <span class="hint" id={`${id}-hint`}>
            {props.hint}
          </span>
        )}
      </label>
    </div>
  );
}
