import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../electron/contract/channels.js';
import { settledWithin, startupRequest } from '../../../renderer/src/api/startup-request.js';

/** A call whose answer the test hands over when it wants; counts how often it was asked. */
function controlledCall<T>() {
  const answers: Array<(result: Result<T>) => void> = [];
  const ask = vi.fn(() => new Promise<Result<T>>((resolve) => answers.push(resolve)));
  return { ask, answer: (index: number, result: Result<T>) => answers[index]?.(result) };
}

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const failed: Result<never> = { ok: false, error: { code: 'not-initialised', message: 'There is no vault yet: create one first.' } };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a request sent as the window starts', () => {
  it('is peeked at once it has arrived, and the first taker gets that same answer without asking again', async () => {
    const call = controlledCall<string[]>();
    const request = startupRequest(call.ask);
    request.send();
    expect(request.peek()).toBeNull();

    const rows = ['a', 'b'];
    call.answer(0, ok(rows));
    await request.arrival();
    await flush();
    expect(request.peek()).toBe(rows);

    const taken = await request.take();
    expect(taken).toEqual(ok(rows));
    expect(taken.ok && taken.value).toBe(rows);
    expect(call.ask).toHaveBeenCalledTimes(1);
    // handed over: later callers ask afresh
    expect(request.peek()).toBeNull();
    const again = request.take();
    call.answer(1, ok(['c']));
    expect(await again).toEqual(ok(['c']));
    expect(call.ask).toHaveBeenCalledTimes(2);
  });

  it('never offers a failed early answer: it is asked again', async () => {
    const call = controlledCall<string>();
    const request = startupRequest(call.ask);
    request.send();
    call.answer(0, failed);
    await request.arrival();
    await flush();
    expect(request.peek()).toBeNull();
    const taken = request.take();
    await flush();
    call.answer(1, ok('ready'));
    expect(await taken).toEqual(ok('ready'));
    expect(call.ask).toHaveBeenCalledTimes(2);
  });

  it('has nothing to wait for or peek at before it is sent', async () => {
    const call = controlledCall<string>();
    const request = startupRequest(call.ask);
    await expect(request.arrival()).resolves.toBeUndefined();
    expect(request.peek()).toBeNull();
    expect(call.ask).not.toHaveBeenCalled();
  });
});

describe('waiting for the startup answers', () => {
  afterEach(() => vi.useRealTimers());

  it('ends when the answers arrive', async () => {
    vi.useFakeTimers();
    let answer: () => void = () => undefined;
    const waited = settledWithin(new Promise<void>((resolve) => (answer = resolve)), 200);
    const state = { done: false };
    void waited.then(() => (state.done = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(state.done).toBe(false);
    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.done).toBe(true);
  });

  it('gives up after the wait when main is slow, and does not fail when a call does', async () => {
    vi.useFakeTimers();
    const state = { done: false };
    void settledWithin(new Promise(() => undefined), 200).then(() => (state.done = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(state.done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.done).toBe(true);
    await expect(settledWithin(Promise.reject(new Error('gone')), 200)).resolves.toBeUndefined();
  });
});
