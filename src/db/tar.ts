import { type FileHandle, open } from "node:fs/promises";

/**
 * A minimal POSIX tar (ustar) writer and reader for backup archives: regular files only, read
 * and written piece by piece so a large database dump never sits in memory whole.
 */
const BLOCK = 512;

function header(name: string, size: number): Buffer {
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(base) > 100) throw new Error(`name too long for tar: ${name}`);
  }
  const block = Buffer.alloc(BLOCK);
  block.write(base, 0, 100, "utf8");
  block.write("0000644\0", 100, "ascii"); // mode
  block.write("0000000\0", 108, "ascii"); // uid
  block.write("0000000\0", 116, "ascii"); // gid
  if (size < 8 ** 11) block.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  else {
    // Past 8 GiB (a large pg_dump): GNU tar's base-256 size, which tar and this reader read.
    block[124] = 0x80;
    block.writeBigUInt64BE(BigInt(size), 128);
  }
  block.write("00000000000\0", 136, "ascii"); // mtime: none recorded
  block.write("        ", 148, "ascii"); // checksum placeholder
  block.write("0", 156, "ascii"); // regular file
  block.write("ustar\0" + "00", 257, "ascii");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

export class TarWriter {
  private constructor(private readonly out: FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await open(path, "w"));
  }

  async add(name: string, data: Buffer): Promise<void> {
    await this.out.write(Buffer.concat([header(name, data.length), data, padding(data.length)]));
  }

  /** Adds a file from the disk, copied in chunks. */
  async addFile(name: string, path: string): Promise<void> {
    const source = await open(path, "r");
    try {
      const { size } = await source.stat();
      await this.out.write(header(name, size));
      const chunk = Buffer.alloc(1 << 20);
      for (let position = 0; position < size; ) {
        const { bytesRead } = await source.read(chunk, 0, chunk.length, position);
        if (bytesRead === 0) throw new Error(`${path} shrank while being archived`);
        await this.out.write(chunk.subarray(0, bytesRead));
        position += bytesRead;
      }
      await this.out.write(padding(size));
    } finally {
      await source.close();
    }
  }

  async close(): Promise<void> {
    await this.out.write(Buffer.alloc(BLOCK * 2));
    await this.out.close();
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's bytes start in the archive. */
  offset: number;
}

export class TarReader {
  private constructor(private readonly input: FileHandle) {}

  static async open(path: string): Promise<TarReader> {
    return new TarReader(await open(path, "r"));
  }

  async *entries(): AsyncGenerator<TarEntry> {
    const block = Buffer.alloc(BLOCK);
    for (let position = 0; ; ) {
      const { bytesRead } = await this.input.read(block, 0, BLOCK, position);
      if (bytesRead < BLOCK || block.every((byte) => byte === 0)) return;
      if (block.toString("ascii", 257, 262) !== "ustar") throw new Error("not a tar archive");
      const text = (start: number, length: number) =>
        block.toString("utf8", start, start + length).replace(/\0.*$/s, "");
      const base = text(0, 100);
      const prefix = text(345, 155);
      const size =
        (block[124]! & 0x80) !== 0
          ? Number(block.readBigUInt64BE(128))
          : Number.parseInt(text(124, 12).trim(), 8);
      yield { name: prefix ? `${prefix}/${base}` : base, size, offset: position + BLOCK };
      position += BLOCK + size + padding(size).length;
    }
  }

  async read(entry: TarEntry): Promise<Buffer<ArrayBuffer>> {
    const data = Buffer.alloc(entry.size);
    let done = 0;
    while (done < entry.size) {
      const { bytesRead } = await this.input.read(data, done, entry.size - done, entry.offset + done);
      if (bytesRead === 0) throw new Error(`archive truncated in ${entry.name}`);
      done += bytesRead;
    }
    return data;
  }

  /** Copies an entry's bytes to a file, in chunks. */
  async extract(entry: TarEntry, path: string): Promise<void> {
    const out = await open(path, "w");
    try {
      const chunk = Buffer.alloc(Math.min(1 << 20, Math.max(entry.size, 1)));
      for (let done = 0; done < entry.size; ) {
        const length = Math.min(chunk.length, entry.size - done);
        const { bytesRead } = await this.input.read(chunk, 0, length, entry.offset + done);
        if (bytesRead === 0) throw new Error(`archive truncated in ${entry.name}`);
        await out.write(chunk.subarray(0, bytesRead));
        done += bytesRead;
      }
    } finally {
      await out.close();
    }
  }

  close(): Promise<void> {
    return this.input.close();
  }
}
