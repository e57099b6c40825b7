// QR codes drawn as one SVG path, from qrcode-generator's module matrix: crisp at any print size,
// no canvas, no inline markup.
import qrcode from 'qrcode-generator'

export interface QrDrawing { size: number; path: string }

/** The modules of a QR code for `text` (error correction M), with a quiet zone of `margin` modules around it. */
export function qrDrawing(text: string, margin = 4): QrDrawing {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  let path = ''
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.isDark(row, col)) path += `M${col + margin},${row + margin}h1v1h-1z`
    }
  }
  return { size: n + 2 * margin, path }
}
