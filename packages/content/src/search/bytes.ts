// Little binary helpers for the index's pieces: a growable byte writer with unsigned LEB128
// varints, and a reader over a Uint8Array. Runtime-neutral (TextEncoder is everywhere).

export const utf8 = new TextEncoder()
export const fromUtf8 = new TextDecoder()

/** A growable byte buffer. */
export class ByteWriter {
  #bytes = new Uint8Array(1024)
  #view = new DataView(this.#bytes.buffer)
  length = 0

  #room(n: number) {
    if (this.length + n <= this.#bytes.length) return
    let size = this.#bytes.length * 2
    while (size < this.length + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.#bytes.subarray(0, this.length))
    this.#bytes = next
    this.#view = new DataView(next.buffer)
  }

  byte(value: number) {
    this.#room(1)
    this.#bytes[this.length++] = value
  }

  varint(value: number) {
    this.#room(5)
    let v = value >>> 0
    while (v >= 0x80) {
      this.#bytes[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.#bytes[this.length++] = v
  }

  u32(value: number) {
    this.#room(4)
    this.#view.setUint32(this.length, value, true)
    this.length += 4
  }

  f64(value: number) {
    this.#room(8)
    this.#view.setFloat64(this.length, value, true)
    this.length += 8
  }

  bytes(value: Uint8Array) {
    this.#room(value.length)
    this.#bytes.set(value, this.length)
    this.length += value.length
  }

  /** Ascending `values[from…to)` as varint gaps (each minus the one before, minus 1). */
  gaps(values: Uint32Array, from: number, to: number) {
    this.#room((to - from) * 5)
    const bytes = this.#bytes
    let at = this.length
    let previous = -1
    for (let i = from; i < to; i++) {
      const value = values[i] as number
      let v = (value - previous - 1) >>> 0
      previous = value
      while (v >= 0x80) {
        bytes[at++] = (v & 0x7f) | 0x80
        v >>>= 7
      }
      bytes[at++] = v
    }
    this.length = at
  }

  /** `text` as a varint byte length, then its UTF-8 bytes. */
  utf8(text: string) {
    this.#room(5 + text.length * 3)
    // The length goes first: encoded after a gap of five bytes, then moved when shorter.
    const start = this.length
    const written = utf8.encodeInto(text, this.#bytes.subarray(start + 5)).written
    this.varint(written)
    this.#bytes.copyWithin(this.length, start + 5, start + 5 + written)
    this.length += written
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.length)
  }
}

/** Reads what a ByteWriter wrote, from `offset`. */
export class ByteReader {
  readonly #bytes: Uint8Array
  readonly #view: DataView
  offset: number

  constructor(bytes: Uint8Array, offset = 0) {
    this.#bytes = bytes
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.offset = offset
  }

  byte(): number {
    return this.#bytes[this.offset++] as number
  }

  varint(): number {
    let result = 0
    let shift = 0
    let b: number
    do {
      b = this.#bytes[this.offset++] as number
      result |= (b & 0x7f) << shift
      shift += 7
    } while (b & 0x80)
    return result >>> 0
  }

  u32(): number {
    const v = this.#view.getUint32(this.offset, true)
    this.offset += 4
    return v
  }

  f64(): number {
    const v = this.#view.getFloat64(this.offset, true)
    this.offset += 8
    return v
  }

  bytes(length: number): Uint8Array {
    const v = this.#bytes.subarray(this.offset, this.offset + length)
    this.offset += length
    return v
  }
}

/** Byte-order comparison of two UTF-8 strings' bytes (the dictionary's order). */
export function compareBytes(
  a: Uint8Array,
  aStart: number,
  aEnd: number,
  b: Uint8Array,
  bStart = 0,
  bEnd = b.length,
): number {
  const n = Math.min(aEnd - aStart, bEnd - bStart)
  for (let i = 0; i < n; i++) {
    const d = (a[aStart + i] as number) - (b[bStart + i] as number)
    if (d !== 0) return d
  }
  return aEnd - aStart - (bEnd - bStart)
}
