/**
 * Long texts built from many pieces (a body with its edits made, a URL with its escapes). V8 joins
 * an array of up to a few thousand strings at ~10 ns a piece, but past ~8 Ki pieces at 70–150 ns
 * a piece (measured on Node 20: 1 Mi pieces join in ~155 ms, the same pieces in chunks of 4 Ki in
 * ~21 ms); appending with `+=` builds a chain of concatenations that costs ~180 ns a piece to
 * flatten. A hostile body gives a million pieces (`q=a b a b …` in a URL, a finding every few
 * characters), so pieces are joined in chunks.
 */

/** Pieces joined at once: below the size where V8's join slows down. */
const CHUNK = 4096;

/** `parts.join(separator)`, in chunks (see above). */
export function joinPieces(parts: readonly string[], separator = ''): string {
  if (parts.length <= CHUNK) return parts.join(separator);
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += CHUNK) chunks.push(parts.slice(i, i + CHUNK).join(separator));
  return joinPieces(chunks, separator);
}

/** A piece this long is appended as it is, not copied into a joined run (see TextBuilder). */
const LARGE_PIECE = 256;

/**
 * A text written piece by piece. Short pieces (placeholders, escapes, the text between close
 * edits) are joined in runs of up to CHUNK; a long piece (the text between two distant edits, a
 * slice of the body) is appended as it is. The result is a short chain of concatenations that its
 * reader flattens once: joining the long slices too copied a 5 MB body twice, and each copy of a
 * string that large costs fresh memory (15% slower on the realistic list body of bench:redact).
 */
export class TextBuilder {
  private out = '';
  private readonly run: string[] = [];

  add(piece: string): void {
    if (piece.length >= LARGE_PIECE) {
      this.flush();
      this.out += piece;
      return;
    }
    this.run.push(piece);
    if (this.run.length === CHUNK) this.flush();
  }

  /** The text written so far. */
  text(): string {
    this.flush();
    return this.out;
  }

  private flush(): void {
    const run = this.run;
    if (run.length === 0) return;
    this.out += run.length === 1 ? (run[0] ?? '') : run.join('');
    run.length = 0;
  }
}
