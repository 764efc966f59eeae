import smpp, { type Pdu, type Session } from "smpp";
import type { SmppSettings } from "../../config.js";
import type { Segment } from "./encode.js";

const { connect, PDU } = smpp;

/** A delivery receipt for one segment, by the id the SMSC gave when it accepted it. */
export interface Receipt {
  smscId: string;
  stat: string;
  error: string | null;
}

export interface LinkHandlers {
  /** Must resolve once the receipt is stored: the SMSC is answered after, and retries on an error. */
  onReceipt(receipt: Receipt): Promise<unknown>;
  /** A message a person sent (STOP…), from an E.164 number when the SMSC says so. */
  onInbound(from: string, text: string): Promise<unknown>;
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
}

/** The SMSC refused a segment (command_status); ESME_RTHROTTLED and queue-full are worth retrying. */
export class SubmitRefused extends Error {
  constructor(readonly status: number) {
    super(`the SMSC refused the segment (command_status 0x${status.toString(16).padStart(8, "0")})`);
  }
}

/** The link went down with the segment in flight: `written` says whether its bytes left this process. */
export class LinkDown extends Error {
  constructor(readonly written: boolean) {
    super(written ? "the SMSC link dropped before it answered" : "the SMSC link is down");
  }
}

interface InFlight {
  resolve(id: string): void;
  reject(error: Error): void;
  written: boolean;
}

const STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};

/** Reads a delivery receipt: the SMPP 3.4 appendix B text, else the receipted_message_id/message_state TLVs. */
export function parseReceipt(pdu: Pdu): Receipt | null {
  const text = messageText(pdu);
  const id = /\bid:(\S+)/i.exec(text)?.[1] ?? (pdu.receipted_message_id as string | undefined);
  const stat = /\bstat:(\S+)/i.exec(text)?.[1]?.toUpperCase() ?? STATES[pdu.message_state as number];
  if (!id || !stat) return null;
  return { smscId: id, stat, error: /\berr:(\S+)/i.exec(text)?.[1] ?? null };
}

function messageText(pdu: Pdu): string {
  const sm = pdu.short_message as { message?: unknown } | Buffer | undefined;
  const payload = pdu.message_payload as { message?: unknown } | undefined;
  const value = (sm && !Buffer.isBuffer(sm) ? sm.message : sm) ?? payload?.message ?? "";
  return Buffer.isBuffer(value) ? value.toString("latin1") : String(value);
}

/** An address the SMSC gives: international numbers (TON 1) come without their "+". */
function e164(address: string, ton: number): string {
  return ton === 1 && /^\d+$/.test(address) ? `+${address}` : address;
}

/**
 * One transceiver bind to the SMSC, kept up: it binds on connect, answers the SMSC's enquire_link
 * and sends its own, and reconnects after a drop with back-off (1 s doubling to 30 s). Segments in
 * flight when the link drops are rejected with LinkDown.
 */
export class SmppLink {
  private session: Session | null = null;
  private bound = false;
  private stopped = false;
  private attempts = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly inFlight = new Map<number, InFlight>();
  private waiters: Array<() => void> = [];

  constructor(
    private readonly settings: SmppSettings,
    private readonly handlers: LinkHandlers,
    private readonly options: { enquireLinkMs?: number; reconnectMs?: number } = {},
  ) {}

  get isBound(): boolean {
    return this.bound;
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Resolves once bound (at once if it is), or after `ms`; says whether it is bound. */
  waitBound(ms: number): Promise<boolean> {
    if (this.bound) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(this.bound);
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(this.bound);
      }, ms);
      this.waiters.push(done);
    });
  }

  private open(): void {
    const { host, port, tls } = this.settings;
    const session = connect({
      host,
      port,
      tls,
      auto_enquire_link_period: this.options.enquireLinkMs ?? 30_000,
    });
    this.session = session;
    session.on(tls ? "secureConnect" : "connect", () => this.bind(session));
    session.on("close", () => this.dropped(session));
    session.on("error", (error: Error) => {
      this.handlers.log.error({ err: { message: error.message } }, "SMSC link error");
    });
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("deliver_sm", (pdu: Pdu) => {
      void this.delivered(session, pdu);
    });
  }

  private bind(session: Session): void {
    session.send(
      new PDU("bind_transceiver", {
        system_id: this.settings.systemId,
        password: this.settings.password,
        interface_version: 0x34,
      }),
      (resp) => {
        if (resp.command_status !== 0) {
          this.handlers.log.error({ status: resp.command_status }, "SMSC refused the bind");
          session.destroy();
          return;
        }
        this.bound = true;
        this.attempts = 0;
        this.handlers.log.info({ host: this.settings.host }, "SMSC bound");
        for (const waiter of this.waiters.splice(0)) waiter();
      },
    );
  }

  private dropped(session: Session): void {
    if (this.session !== session) return;
    this.bound = false;
    this.session = null;
    for (const [sequence, flight] of this.inFlight) {
      this.inFlight.delete(sequence);
      flight.reject(new LinkDown(flight.written));
    }
    if (this.stopped) return;
    const delay = Math.min((this.options.reconnectMs ?? 1000) * 2 ** this.attempts++, 30_000);
    this.handlers.log.info({ delayMs: delay }, "SMSC link down; reconnecting");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.open();
    }, delay);
  }

  private async delivered(session: Session, pdu: Pdu): Promise<void> {
    try {
      if (((pdu.esm_class as number) & 0x3c) === 0x04) {
        const receipt = parseReceipt(pdu);
        if (receipt) await this.handlers.onReceipt(receipt);
      } else {
        await this.handlers.onInbound(
          e164(String(pdu.source_addr ?? ""), Number(pdu.source_addr_ton ?? 0)),
          messageText(pdu),
        );
      }
      session.send(pdu.response());
    } catch (error) {
      this.handlers.log.error({ err: error }, "could not record what the SMSC delivered");
      // ESME_RSYSERR: the SMSC keeps it and delivers it again.
      session.send(pdu.response({ command_status: 0x08 }));
    }
  }

  /** Submits one segment; resolves with the SMSC's message id. */
  submit(to: string, segment: Segment): Promise<string> {
    const session = this.session;
    if (!session || !this.bound) return Promise.reject(new LinkDown(false));
    return new Promise((resolve, reject) => {
      const pdu = new PDU("submit_sm", {
        source_addr_ton: /^\+?\d+$/.test(this.settings.source) ? 1 : 5,
        source_addr_npi: /^\+?\d+$/.test(this.settings.source) ? 1 : 0,
        source_addr: this.settings.source.replace(/^\+/, ""),
        dest_addr_ton: 1,
        dest_addr_npi: 1,
        destination_addr: to.replace(/^\+/, ""),
        esm_class: segment.esmClass,
        data_coding: segment.dataCoding,
        registered_delivery: 1,
        short_message: segment.shortMessage,
      });
      const flight: InFlight = { resolve, reject, written: false };
      const sent = session.send(
        pdu,
        (resp) => {
          this.inFlight.delete(pdu.sequence_number);
          if (resp.command_status === 0) resolve(String(resp.message_id));
          else reject(new SubmitRefused(resp.command_status));
        },
        () => {
          flight.written = true;
        },
      );
      if (!sent) {
        reject(new LinkDown(false));
        return;
      }
      this.inFlight.set(pdu.sequence_number, flight);
    });
  }

  /** Unbinds and closes (waiting up to 2 s for the SMSC's answer); no reconnection after. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const session = this.session;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => session.destroy(() => resolve()), 2000);
      const close = () => {
        clearTimeout(timer);
        session.close(() => resolve());
      };
      if (!this.bound || !session.send(new PDU("unbind", {}), close)) close();
    });
  }

  /** Drops the connection at once, as a dying process would (tests and the bench). */
  kill(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.session?.destroy();
  }
}
