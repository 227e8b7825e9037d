/** Rendering extension pages into happy-dom and driving them as a user would (typing, clicking, keys). */
import { render, type ComponentChildren } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { LanguageProvider } from '../../extension/ui/language';

export interface Rendered {
  container: HTMLElement;
  /** The one element with this test id; throws when there is none or several. */
  get(testId: string): HTMLElement;
  all(testId: string): HTMLElement[];
  query(testId: string): HTMLElement | null;
  text(): string;
  unmount(): void;
}

export async function renderPage(node: ComponentChildren): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<LanguageProvider>{node}</LanguageProvider>, container));
  const all = (testId: string) => [...container.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  return {
    container,
    all,
    query: (testId) => all(testId)[0] ?? null,
    get(testId) {
      const found = all(testId);
      if (found.length !== 1) throw new Error(`expected one [data-testid="${testId}"], found ${found.length}`);
      return found[0]!;
    },
    text: () => container.textContent ?? '',
    unmount: () => {
      render(null, container);
      container.remove();
    },
  };
}

/** Waits until `check` passes (the pages answer asynchronously, through the background). */
export function eventually<T>(check: () => T, timeout = 5000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 10 });
}

export async function type(element: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (element as HTMLInputElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
}

export async function choose(select: HTMLElement, value: string): Promise<void> {
  await act(() => {
    (select as HTMLSelectElement).value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function check(checkbox: HTMLElement, checked = true): Promise<void> {
  if ((checkbox as HTMLInputElement).checked !== checked) await click(checkbox);
}

/** The button whose text is exactly this, for buttons without a test id. */
export function button(container: HTMLElement, label: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].filter((b) => b.textContent?.trim() === label);
  if (found.length !== 1) throw new Error(`expected one button "${label}", found ${found.length}`);
  return found[0]!;
}
