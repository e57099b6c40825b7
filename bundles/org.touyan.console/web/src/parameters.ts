// A binding's parameters as an administrator types them: one `key=value` a line, as they are shown.

export function formatParameters(parameters: Record<string, string> | null | undefined): string {
  return Object.entries(parameters ?? {}).map(([k, v]) => `${k}=${v}`).join('\n')
}

/** The parameters, or the first line that is not `key=value` (1-based) so the form can say which. */
export function parseParameters(text: string): { ok: true; parameters: Record<string, string> } | { ok: false; line: number } {
  const parameters: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (!line) continue
    const at = line.indexOf('=')
    if (at <= 0) return { ok: false, line: i + 1 }
    parameters[line.substring(0, at).trim()] = line.substring(at + 1).trim()
  }
  return { ok: true, parameters }
}
