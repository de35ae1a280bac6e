// Streaming HAR input and output (DESIGN.md "One pipeline": HAR files are read and written as
// streams of entries, so no host ever holds a whole file in one string). Pure TypeScript: the
// CLI feeds it Node streams, the panel's worker `File.stream()`.
export { sniffHarBytes, SNIFF_BYTES, type Compression, type HarBytesKind } from './har-bytes.ts';
export {
  DEFAULT_READER_LIMITS,
  HarReader,
  HarReadError,
  REMOVED_FIELD,
  type HarItem,
  type HarReaderOptions,
  type HarSkeleton,
  type RemovedValue,
} from './har-reader.ts';
export { HarWriter, jsonAtDepth } from './har-writer.ts';
export {
  archiveSanitizer,
  readHarItems,
  sanitizeHarStream,
  sanitizeInMemory,
  type ArchiveSanitizer,
  type ByteSource,
  type ReadHarOptions,
  type SanitizeStreamOptions,
} from './har-stream.ts';
