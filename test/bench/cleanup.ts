/**
 * Undo steps registered as things are created (keychain items, temp folders) and run in
 * reverse order at the end, whatever happened; every failure is collected, none stops the rest.
 */
export class Cleanup {
  private readonly steps: Array<{ label: string; run: () => unknown }> = [];

  add(label: string, run: () => unknown): void {
    this.steps.push({ label, run });
  }

  async run(): Promise<string[]> {
    const failures: string[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop();
      if (!step) break;
      try {
        await step.run();
      } catch (error) {
        failures.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }
}

/** Runs `work` over `items` with at most `limit` in flight. */
export async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
