/**
 * The emulator's time. Everything in the emulated world (task starts, health checks, drains, CodeDeploy traffic
 * steps, hook timeouts) is a timer on one Clock, so a test can drive the world with a ManualClock and `berth sim`
 * can run it N times faster than real time with a ScaledClock.
 */
export interface Timer {
  /** Emulated epoch ms at which the timer fires. */
  readonly time: number
  cancel(): void
}

export interface Clock {
  /** Emulated epoch milliseconds. */
  now(): number
  /** Runs `fn` when the emulated time reaches `time` (at once, on the next turn, if it has passed). */
  at(time: number, fn: () => void): Timer
  /** Runs `fn` after `ms` emulated milliseconds. */
  after(ms: number, fn: () => void): Timer
  /** Cancels every pending timer; the clock stays readable. */
  close(): void
}

interface Entry {
  time: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/** Timers ordered by (time, order of creation), so timers due at the same instant run in the order they were set. */
class TimerQueue {
  private entries: Entry[] = []
  private seq = 0

  add(time: number, fn: () => void): Entry {
    const entry: Entry = { time, seq: this.seq++, fn, cancelled: false }
    let index = this.entries.length
    while (index > 0 && this.entries[index - 1].time > time) index--
    this.entries.splice(index, 0, entry)
    return entry
  }

  remove(entry: Entry): void {
    entry.cancelled = true
    const index = this.entries.indexOf(entry)
    if (index >= 0) this.entries.splice(index, 1)
  }

  first(): Entry | undefined {
    return this.entries[0]
  }

  shift(): Entry | undefined {
    return this.entries.shift()
  }

  clear(): void {
    for (const entry of this.entries) entry.cancelled = true
    this.entries = []
  }

  get size(): number {
    return this.entries.length
  }
}

/** A clock for tests: time moves only when `advance` is called, and due timers run in order, synchronously. */
export class ManualClock implements Clock {
  private current: number
  private readonly queue = new TimerQueue()

  constructor(start = Date.UTC(2025, 0, 15, 9, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  at(time: number, fn: () => void): Timer {
    const entry = this.queue.add(Math.max(time, this.current), fn)
    return { time: entry.time, cancel: () => this.queue.remove(entry) }
  }

  after(ms: number, fn: () => void): Timer {
    return this.at(this.current + Math.max(0, ms), fn)
  }

  /** Moves time forward by `ms`, running every timer that falls due (including ones set by timers) in order. */
  advance(ms: number): void {
    this.advanceTo(this.current + ms)
  }

  advanceTo(time: number): void {
    for (let next = this.queue.first(); next && next.time <= time; next = this.queue.first()) {
      this.queue.shift()
      this.current = Math.max(this.current, next.time)
      next.fn()
    }
    this.current = Math.max(this.current, time)
  }

  /** Number of timers not yet run. */
  get pending(): number {
    return this.queue.size
  }

  close(): void {
    this.queue.clear()
  }
}

/**
 * Real time, scaled: emulated = start + real elapsed × speed. One node timer is armed for the earliest emulated
 * timer; it is unref'd so a forgotten clock never keeps the process alive.
 */
export class ScaledClock implements Clock {
  private readonly queue = new TimerQueue()
  private readonly realStart: number
  private armed: NodeJS.Timeout | undefined
  private armedFor = Infinity
  private last = 0

  constructor(
    readonly speed = 1,
    private readonly start = Date.now(),
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be a positive number, got ${speed}`)
    this.realStart = performance.now()
  }

  now(): number {
    // Whole milliseconds: AWS's timestamps carry milliseconds at most.
    const emulated = Math.floor(this.start + (performance.now() - this.realStart) * this.speed)
    this.last = Math.max(this.last, emulated)
    return this.last
  }

  at(time: number, fn: () => void): Timer {
    const entry = this.queue.add(time, fn)
    this.arm()
    return {
      time,
      cancel: () => {
        this.queue.remove(entry)
        this.arm()
      },
    }
  }

  after(ms: number, fn: () => void): Timer {
    return this.at(this.now() + Math.max(0, ms), fn)
  }

  close(): void {
    this.queue.clear()
    this.disarm()
  }

  private arm(): void {
    const first = this.queue.first()
    if (!first) return this.disarm()
    if (this.armed && this.armedFor <= first.time) return
    this.disarm()
    const delay = Math.max(0, (first.time - this.now()) / this.speed)
    this.armedFor = first.time
    this.armed = setTimeout(() => this.fire(), delay)
    this.armed.unref()
  }

  private disarm(): void {
    if (this.armed) clearTimeout(this.armed)
    this.armed = undefined
    this.armedFor = Infinity
  }

  private fire(): void {
    this.armed = undefined
    this.armedFor = Infinity
    const now = this.now()
    for (let next = this.queue.first(); next && next.time <= now; next = this.queue.first()) {
      this.queue.shift()
      try {
        next.fn()
      } catch (error) {
        // A timer runs outside any request: report and keep the world moving rather than crash the server.
        console.error('berth sim: timer failed:', error)
      }
    }
    this.arm()
  }
}
