/** har-schema ships the HAR 1.2 JSON Schemas without type declarations: one schema per HAR object. */
declare module 'har-schema' {
  const schemas: Readonly<Record<string, object>>;
  export default schemas;
}
