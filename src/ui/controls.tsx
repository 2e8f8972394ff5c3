import { useRef, useState } from 'react';
import { monthInWords } from '../core/ingest/dates';
import { useAppStore } from '../state/store';
import { formatInteger } from './format';

/** A labelled select over a list of options. */
export function Select<T extends string | number>({ label, value, options, onChange }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange((typeof value === 'number' ? Number(e.target.value) : e.target.value) as T)}>
        {options.map((option) => (
          <option key={String(option.value)} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A labelled select of one of `choices` or none; none is offered as `noneLabel`. */
export function OptionalSelect({ label, value, choices, noneLabel, onChange }: { label: string; value: string | null; choices: readonly string[]; noneLabel: string; onChange: (value: string | null) => void }) {
  return <Select label={label} value={value ?? ''} options={[{ value: '', label: noneLabel }, ...choices.map((choice) => ({ value: choice, label: choice }))]} onChange={(chosen) => onChange(chosen === '' ? null : chosen)} />;
}

export function MonthSelect({ label, value, months, onChange }: { label: string; value: number; months: readonly number[]; onChange: (month: number) => void }) {
  return <Select label={label} value={value} options={months.map((m) => ({ value: m, label: monthInWords(m) }))} onChange={onChange} />;
}

/** A button that opens the file picker; the hidden input carries the accessible name. */
export function FileButton({ label, accept, ariaLabel, onFile, className }: { label: string; accept: string; ariaLabel: string; onFile: (file: File) => void; className?: string }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={ariaLabel}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** A labelled text or date input. */
export function Field({ label, type = 'text', value, onChange }: { label: string; type?: 'text' | 'date'; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {label}
      <input type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** Small link buttons at the end of a table row, each with its own accessible name. */
export function RowActions({ actions }: { actions: readonly { label: string; ariaLabel: string; onClick: () => void; disabled?: boolean }[] }) {
  return (
    <td className="num">
      {actions.map((action, i) => (
        <span key={action.label}>
          {i > 0 && ' '}
          <button type="button" className="link" aria-label={action.ariaLabel} disabled={action.disabled} onClick={action.onClick}>
            {action.label}
          </button>
        </span>
      ))}
    </td>
  );
}

/** A table's header row: text columns first, then right-aligned number columns. */
export function ColumnHeads({ text, numbers = [] }: { text: readonly string[]; numbers?: readonly string[] }) {
  return (
    <thead>
      <tr>
        {text.map((title) => (
          <th key={title} scope="col">
            {title}
          </th>
        ))}
        {numbers.map((title) => (
          <th key={title} scope="col" className="num">
            {title}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Two columns: a label and how many. */
export function LabelCountTable({ rows }: { rows: readonly { label: string; count: number }[] }) {
  return (
    <table className="compact">
      <tbody>
        {rows.map((entry) => (
          <tr key={entry.label}>
            <td>{entry.label}</td>
            <td className="num">{formatInteger(entry.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Runs one piece of work at a time, turning any failure into an error notice. */
export function useBusyAction(failurePrefix = ''): [boolean, (work: () => Promise<void>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const notify = useAppStore((state) => state.notify);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notify('error', `${failurePrefix}${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
