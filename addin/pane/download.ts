/** Hands a file to the browser's own download: Excel on the web and desktop both ask where to save it. */
export function saveFile(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keep it a while for slow hosts, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
