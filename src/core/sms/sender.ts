import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import { encodeSms } from "./encode.js";
import {
  type ClaimedSms,
  claimSms,
  expireSmsClaims,
  giveUpSms,
  handleInboundSms,
  markSmsSent,
  recordSmsReceipt,
  retrySms,
} from "./outbox.js";
import { LinkDown, type LinkHandlers, type SmppLink, SubmitRefused } from "./smpp-link.js";

export interface SenderOptions {
  /** Segments per second (SMPP_RATE). */
  rate: number;
  /** Messages submitted and not yet answered, at most (each is claimed only when it may go). */
  window?: number;
  /** How long to wait when nothing is due, in ms. */
  idleMs?: number;
  /** First retry delay, doubled at each attempt, in seconds. */
  backoffSeconds?: number;
  /** A claim older than this belongs to a dead sender: marked unknown, in seconds. */
  leaseSeconds?: number;
}

/** Waits so that no more than `rate` segments go out per second (one every 1000/rate ms, no bursts). */
class Pacer {
  private next = 0;
  constructor(private readonly rate: number) {}
  async take(): Promise<void> {
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.rate;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }
}

/** The 8-bit concatenation reference of a message: from its id, so a retry reuses it. */
function concatReference(id: string): number {
  return createHash("sha256").update(id).digest()[0]!;
}

/**
 * The handlers an SmppLink calls with what the SMSC delivers: receipts are recorded, STOP opts the
 * number out.
 */
export function inboundHandlers(db: Db, log: LinkHandlers["log"]): LinkHandlers {
  return {
    log,
    onReceipt: (receipt) => recordSmsReceipt(db, receipt),
    onInbound: async (from, text) => {
      const outcome = await handleInboundSms(db, from, text);
      if (outcome !== "ignored") log.info({ outcome }, "SMS keyword received");
    },
  };
}

/**
 * Drains the SMS outbox through an SmppLink: claims a message only when the window has room (the
 * claim is committed first, so a message is never sent twice, whatever dies when), paces segments
 * at the configured rate, and records what the SMSC said. Any number of nodes may run one.
 */
export class SmsSender {
  private stopped = false;
  private killed = false;
  private running: Promise<void> | null = null;
  private readonly active = new Set<Promise<void>>();
  private readonly pacer: Pacer;
  private readonly window: number;
  private lastExpiry = 0;
  /** Messages whose SMSC answer was recorded by this sender, since it started. */
  sent = 0;

  constructor(
    private readonly db: Db,
    private readonly link: SmppLink,
    private readonly options: SenderOptions,
    private readonly log: LinkHandlers["log"],
  ) {
    this.pacer = new Pacer(options.rate);
    this.window = options.window ?? Math.max(1, Math.min(50, Math.ceil(options.rate)));
  }

  start(): void {
    this.running ??= this.loop().catch((error) => this.log.error({ err: error }, "SMS sender stopped"));
  }

  private async loop(): Promise<void> {
    const idle = this.options.idleMs ?? 1000;
    while (!this.stopped) {
      if (!(await this.link.waitBound(idle))) continue;
      if (Date.now() - this.lastExpiry > 30_000) {
        this.lastExpiry = Date.now();
        const expired = await expireSmsClaims(this.db, this.options.leaseSeconds ?? 300);
        if (expired > 0) this.log.error({ count: expired }, "SMS claims expired: marked unknown");
      }
      // Claims come in batches (a fifth of the window), not one query per freed slot.
      const room = this.window - this.active.size;
      if (room <= 0 || (room < Math.ceil(this.window / 5) && this.active.size > 0)) {
        await Promise.race(this.active);
        continue;
      }
      let claimed: ClaimedSms[];
      try {
        claimed = await claimSms(this.db, room);
      } catch (error) {
        this.log.error({ err: error }, "could not claim SMS");
        await sleep(idle);
        continue;
      }
      if (this.stopped) return;
      if (claimed.length === 0) {
        await Promise.race([sleep(idle), ...this.active]);
        continue;
      }
      for (const message of claimed) {
        const task: Promise<void> = this.send(message).finally(() => this.active.delete(task));
        this.active.add(task);
      }
    }
  }

  private async send(message: ClaimedSms): Promise<void> {
    const segments = encodeSms(message.body, concatReference(message.id));
    const ids: string[] = [];
    try {
      for (const segment of segments) {
        await this.pacer.take();
        if (this.killed) return;
        ids.push(await this.link.submit(message.toNumber, segment));
      }
      if (this.killed) return;
      await markSmsSent(this.db, message.id, ids);
      this.sent++;
    } catch (error) {
      if (this.killed) return;
      await this.failed(message, ids.length, error as Error).catch((e) =>
        this.log.error({ err: e }, "could not record an SMS failure"),
      );
    }
  }

  /**
   * A first segment refused, or caught by a link drop, is tried again later. A drop between writing
   * a segment and the SMSC's answer is taken as "not received" (an SMSC that accepts a segment
   * answers before it closes the link): losing a reply notice is worse than the rare duplicate.
   * A process that dies there is another matter: its claim expires as unknown (expireSmsClaims).
   * Once one segment is accepted, the message is never sent again.
   */
  private async failed(message: ClaimedSms, accepted: number, error: Error): Promise<void> {
    if (accepted === 0 && (error instanceof LinkDown || error instanceof SubmitRefused)) {
      await retrySms(this.db, message, error.message, this.options.backoffSeconds ?? 30);
    } else {
      await giveUpSms(this.db, message.id, error instanceof LinkDown ? "unknown" : "failed", error.message);
    }
  }

  /** Stops claiming, lets what is in flight be answered and recorded, then unbinds. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    await Promise.allSettled(this.active);
    await this.link.stop();
  }

  /** Stops at once without recording anything more, as a killed process would (tests). */
  kill(): void {
    this.stopped = true;
    this.killed = true;
    this.link.kill();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
