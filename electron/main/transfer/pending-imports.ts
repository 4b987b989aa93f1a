import { randomUUID } from 'node:crypto';
import { RekeyError, type planImport } from '../../core/index.js';

type Plan = ReturnType<typeof planImport>;

const MAX_PENDING = 8;
/** Tokens of previews a lock threw away, kept (no values) only to say why confirming fails. */
const MAX_REMEMBERED = 64;

/**
 * Import plans wait here between preview and confirm: they hold the file's values, which never
 * go to the window. A lock drops them all, so confirming after unlock asks for a new preview.
 */
export class PendingImports {
  private readonly plans = new Map<string, Plan>();
  private readonly droppedByLock = new Set<string>();

  /** Keeps a plan and returns its token; the oldest go when too many wait. */
  keep(plan: Plan): string {
    const token = randomUUID();
    this.plans.set(token, plan);
    for (const old of this.plans.keys()) {
      if (this.plans.size <= MAX_PENDING) break;
      this.plans.delete(old);
    }
    return token;
  }

  /** The plan for this token; a clear error when it expired or a lock dropped it. */
  take(token: string): Plan {
    const plan = this.plans.get(token);
    if (plan) return plan;
    if (this.droppedByLock.has(token)) {
      throw new RekeyError(
        'not-found',
        'The vault was locked after this import preview, so the preview was discarded; choose the file again.',
      );
    }
    throw new RekeyError('not-found', 'That import preview has expired; choose the file again.');
  }

  /** The plan was applied: forget it. */
  done(token: string): void {
    this.plans.delete(token);
  }

  /** On lock and quit: every waiting plan, with its values, goes. */
  clear(): void {
    for (const token of this.plans.keys()) this.droppedByLock.add(token);
    this.plans.clear();
    for (const old of this.droppedByLock) {
      if (this.droppedByLock.size <= MAX_REMEMBERED) break;
      this.droppedByLock.delete(old);
    }
  }
}
