import type { AddressInfo } from "node:net";
import smpp, { type Pdu, type Session } from "smpp";

const { createServer, PDU } = smpp;

/** A message as a phone would show it: its concatenated segments put back together. */
export interface ReceivedSms {
  to: string;
  from: string;
  text: string;
  /** The SMSC ids of its segments, in order. */
  ids: string[];
  dataCoding: number;
}

export interface TestSmscOptions {
  systemId?: string;
  password?: string;
  /** Answers each submit_sm after this many ms (0: at once). */
  answerDelayMs?: number;
}

/**
 * An SMSC in the test process, on the smpp library's server side over loopback on a random port:
 * it checks the bind's credentials, accepts submit_sm with increasing ids, reassembles concatenated
 * messages by their UDH reference, and can send delivery receipts and a person's messages (STOP),
 * or drop every link.
 */
export class TestSmsc {
  readonly segments: Array<{ to: string; id: string; pdu: Pdu }> = [];
  readonly messages: ReceivedSms[] = [];
  readonly binds: string[] = [];
  private readonly sessions = new Set<Session>();
  private readonly partial = new Map<
    string,
    { total: number; parts: Map<number, { text: string; id: string }> }
  >();
  private nextId = 1;
  private waiters: Array<() => void> = [];
  /** Refuse the next n submit_sm with this status. */
  refuse: { count: number; status: number } = { count: 0, status: 0 };
  private readonly server = createServer((session) => this.accept(session));

  private constructor(readonly options: TestSmscOptions) {}

  static async start(options: TestSmscOptions = {}): Promise<TestSmsc> {
    const smsc = new TestSmsc({ systemId: "sharek", password: "secret", ...options });
    await new Promise<void>((resolve) => smsc.server.listen(0, "127.0.0.1", resolve));
    return smsc;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smpp://${this.options.systemId}:${this.options.password}@127.0.0.1:${this.port}?source=Sharek`;
  }

  private accept(session: Session): void {
    this.sessions.add(session);
    session.on("close", () => this.sessions.delete(session));
    session.on("error", () => {});
    session.on("bind_transceiver", (pdu: Pdu) => {
      const ok = pdu.system_id === this.options.systemId && pdu.password === this.options.password;
      session.send(pdu.response({ command_status: ok ? 0 : 0x0e, system_id: "testsmsc" }));
      if (ok) this.binds.push(String(pdu.system_id));
      else session.close();
    });
    session.on("enquire_link", (pdu: Pdu) => session.send(pdu.response()));
    session.on("unbind", (pdu: Pdu) => {
      session.send(pdu.response());
      session.close();
    });
    session.on("submit_sm", (pdu: Pdu) => {
      if (this.refuse.count > 0) {
        this.refuse.count--;
        session.send(pdu.response({ command_status: this.refuse.status }));
        return;
      }
      const id = `m${this.nextId++}`;
      this.received(pdu, id);
      const answer = () => session.send(pdu.response({ message_id: id }));
      if (this.options.answerDelayMs) setTimeout(answer, this.options.answerDelayMs);
      else answer();
    });
  }

  private received(pdu: Pdu, id: string): void {
    const to = `+${String(pdu.destination_addr)}`;
    this.segments.push({ to, id, pdu });
    const sm = pdu.short_message as { udh?: Buffer[]; message: string };
    const concat = sm.udh?.find((h) => h[0] === 0x00);
    const dataCoding = Number(pdu.data_coding);
    const from = String(pdu.source_addr);
    if (!concat) {
      this.messages.push({ to, from, text: sm.message, ids: [id], dataCoding });
    } else {
      const key = `${to}/${concat[2]}`;
      const entry = this.partial.get(key) ?? { total: concat[3]!, parts: new Map() };
      entry.parts.set(concat[4]!, { text: sm.message, id });
      this.partial.set(key, entry);
      if (entry.parts.size === entry.total) {
        this.partial.delete(key);
        const ordered = [...entry.parts.entries()].sort((a, b) => a[0] - b[0]).map(([, part]) => part);
        this.messages.push({
          to,
          from,
          text: ordered.map((p) => p.text).join(""),
          ids: ordered.map((p) => p.id),
          dataCoding,
        });
      }
    }
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves once `count` whole messages arrived (or rejects after `ms`). */
  async waitFor(count: number, ms = 10_000): Promise<ReceivedSms[]> {
    const deadline = Date.now() + ms;
    while (this.messages.length < count) {
      if (Date.now() > deadline) throw new Error(`the SMSC got ${this.messages.length} of ${count} messages`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.messages;
  }

  private deliver(options: Record<string, unknown>): Promise<number> {
    const session = [...this.sessions][0];
    if (!session) return Promise.reject(new Error("no bound client"));
    return new Promise((resolve) => {
      session.send(new PDU("deliver_sm", options), (resp) => resolve(resp.command_status));
    });
  }

  /** Sends a delivery receipt for a segment (SMPP 3.4 appendix B text); resolves with the client's status. */
  receipt(id: string, stat = "DELIVRD"): Promise<number> {
    return this.deliver({
      source_addr: "Sharek",
      destination_addr: "21620000000",
      esm_class: 0x04,
      short_message: `id:${id} sub:001 dlvrd:001 submit date:2612070400 done date:2612070401 stat:${stat} err:000 text:`,
    });
  }

  /** A person's message to the platform's number (an international number, TON 1). */
  inbound(from: string, text: string): Promise<number> {
    return this.deliver({
      source_addr_ton: 1,
      source_addr_npi: 1,
      source_addr: from.replace(/^\+/, ""),
      destination_addr: "Sharek",
      esm_class: 0,
      short_message: text,
    });
  }

  /** Drops every link at once, as an SMSC restarting would. */
  dropLinks(): void {
    for (const session of this.sessions) session.destroy();
  }

  get linkCount(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    this.dropLinks();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
