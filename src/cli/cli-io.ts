/**
 * What a CLI run touches of its host, passed in so tests can run the real command in-process and
 * the entry files stay pure wiring.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal (colours and layout for people, not for pipes). */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}
