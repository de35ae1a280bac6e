import type { Span, TextPattern } from './text-pattern.ts';

/**
 * Several detectors compiled into ONE case-insensitive alternation, once: a text is scanned once
 * per family instead of once per detector. Each pattern is wrapped in a capturing group so a match
 * says which one fired; case-exact checks live in each pattern's `accept`. Where a pattern's match
 * is rejected, the later patterns are tried at the same position (sticky) before moving on.
 */
export class PatternSet {
  private readonly combined: RegExp;
  private readonly sticky: RegExp[];

  constructor(private readonly patterns: readonly TextPattern[]) {
    this.combined = new RegExp(patterns.map((pattern) => `(${pattern.source})`).join('|'), 'gi');
    this.sticky = patterns.map((pattern) => new RegExp(pattern.source, 'iy'));
  }

  /** Appends every accepted span in `text` to `into` (spans of one set never overlap). */
  scan(text: string, into: Span[]): void {
    const combined = this.combined;
    combined.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = combined.exec(text)) !== null) {
      const span = this.spanOf(match, text);
      if (span === undefined) combined.lastIndex = match.index + 1;
      else {
        into.push(span);
        combined.lastIndex = Math.max(span.end, match.index + 1);
      }
    }
  }

  private accept(index: number, text: string, start: number, end: number): Span | undefined {
    const pattern = this.patterns[index];
    if (pattern === undefined) return undefined;
    return pattern.accept ? pattern.accept(text, start, end) : { start, end, kind: pattern.kind };
  }

  private spanOf(match: RegExpExecArray, text: string): Span | undefined {
    for (let i = 0; i < this.patterns.length; i++) {
      if (match[i + 1] === undefined) continue;
      return (
        this.accept(i, text, match.index, match.index + match[0].length) ?? this.laterAt(text, match.index, i)
      );
    }
    return undefined;
  }

  private laterAt(text: string, at: number, from: number): Span | undefined {
    for (let i = from + 1; i < this.patterns.length; i++) {
      const sticky = this.sticky[i];
      if (sticky === undefined) continue;
      sticky.lastIndex = at;
      const match = sticky.exec(text);
      if (match === null) continue;
      const span = this.accept(i, text, at, at + match[0].length);
      if (span !== undefined) return span;
    }
    return undefined;
  }
}
