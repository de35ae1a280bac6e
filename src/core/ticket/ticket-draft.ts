/** One piece of the plain-text ticket; placeholders are their own segment with their kind. */
export interface TicketSegment {
  text: string;
  redactedKind?: string;
}

/** One distinct removed value: its kind, the placeholder that replaced it, how often it occurred. */
export interface RemovedItem {
  kind: string;
  placeholder: string;
  count: number;
}

/** A support ticket already redacted (DESIGN.md "Redaction and the ticket"). */
export interface TicketDraft {
  text: string;
  markdown: string;
  /** `text` split so a UI can highlight placeholders; joining the segments' text gives `text`. */
  segments: TicketSegment[];
  removed: RemovedItem[];
}
