// Embeddings of seed and feedback examples, kept on disk per model so that a CLI call does not
// re-embed ~1,000 examples every time. Keyed by the model's sha256: another model, another file.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface EmbeddingFileCache {
  /** Embeds what is not cached yet (one batched call) and returns vectors in input order. */
  embedAll(texts: string[], embed: (texts: string[]) => Promise<Float32Array[]>): Promise<Float32Array[]>;
}

const toBase64 = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
function fromBase64(s: string): Float32Array {
  const bytes = Buffer.from(s, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

export async function openEmbeddingFileCache(dir: string, fingerprint: string): Promise<EmbeddingFileCache> {
  const file = path.join(dir, `embeddings-${fingerprint.slice(0, 16)}.jsonl`);
  const known = new Map<string, Float32Array>();
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      const { t, v } = JSON.parse(line) as { t: string; v: string };
      known.set(t, fromBase64(v));
    } catch {
      // A torn last line (the process was killed mid-write) only costs a recomputation.
    }
  }
  return {
    async embedAll(texts, embed) {
      const missing = [...new Set(texts.filter((t) => !known.has(t)))];
      if (missing.length > 0) {
        const vectors = await embed(missing);
        missing.forEach((t, i) => known.set(t, vectors[i] as Float32Array));
        await mkdir(dir, { recursive: true });
        await appendFile(file, missing.map((t) => JSON.stringify({ t, v: toBase64(known.get(t) as Float32Array) })).join('\n') + '\n');
      }
      return texts.map((t) => known.get(t) as Float32Array);
    },
  };
}
