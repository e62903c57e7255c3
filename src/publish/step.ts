/** The step's side of publishing (summary, outputs, annotations, logs, exit code) as a port over @actions/core. */
import * as core from '@actions/core'

/** Annotation location/title. */
export interface AnnotationProps {
  title?: string
  file?: string
  startLine?: number
  startColumn?: number
}

/** What the action tells the runner. */
export interface Step {
  info(message: string): void
  notice(message: string, props?: AnnotationProps): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  startGroup(name: string): void
  endGroup(): void
  setOutput(name: string, value: string | number): void
  setFailed(message: string): void
  setSecret(value: string): void
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>
}

/** The real step: @actions/core. */
export function coreStep(): Step {
  return {
    info: (m) => core.info(m),
    notice: (m, p) => core.notice(m, p),
    warning: (m, p) => core.warning(m, p),
    error: (m, p) => core.error(m, p),
    startGroup: (n) => core.startGroup(n),
    endGroup: () => core.endGroup(),
    setOutput: (n, v) => core.setOutput(n, v),
    setFailed: (m) => core.setFailed(m),
    setSecret: (v) => core.setSecret(v),
    summary: async (markdown) => {
      await core.summary.addRaw(markdown).addEOL().write()
    },
  }
}
