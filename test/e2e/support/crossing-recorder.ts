/** One call through window.rekey as it crossed the binding: what the page sent, what main answered. */
export interface Crossing {
  readonly channel: string;
  readonly input: unknown;
  readonly result: unknown;
}

/** The one channel allowed to carry a plaintext value to the renderer (an explicit Reveal). */
export const REVEAL_CHANNEL = 'rekey:secrets:reveal';

/**
 * Records everything that crosses between the page and main, and knows every plaintext value
 * the test created, so a test can prove no value went to the renderer except in a reveal answer.
 */
export class CrossingRecorder {
  readonly crossings: Crossing[] = [];
  private readonly values = new Set<string>();

  /** Registers a plaintext value the test puts in the vault; returns it for convenience. */
  track(value: string): string {
    this.values.add(value);
    return value;
  }

  record(crossing: Crossing): void {
    this.crossings.push(crossing);
  }

  /** Answers from main that held a tracked value, outside reveal: must be empty. */
  leaks(): Array<{ channel: string; value: string }> {
    const found: Array<{ channel: string; value: string }> = [];
    for (const crossing of this.crossings) {
      if (crossing.channel === REVEAL_CHANNEL) continue;
      const text = JSON.stringify(crossing.result);
      for (const value of this.values) if (text.includes(value)) found.push({ channel: crossing.channel, value: value.slice(0, 6) + '…' });
    }
    return found;
  }

  /** Reveal answers that carried `value`: proves the recorder does see plaintext when it crosses. */
  revealsOf(value: string): number {
    return this.crossings.filter((crossing) => crossing.channel === REVEAL_CHANNEL && JSON.stringify(crossing.result).includes(value))
      .length;
  }

  calls(channel: string): Crossing[] {
    return this.crossings.filter((crossing) => crossing.channel === channel);
  }

  trackedValues(): readonly string[] {
    return [...this.values];
  }
}
