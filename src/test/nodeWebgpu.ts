/**
 * WebGPU in Node for the parity test: Dawn (the `webgpu` package) over Chromium's bundled
 * SwiftShader Vulkan driver, recipe in shared/notes/browser-and-backends.md. Needs the Debian
 * packages chromium and libvulkan1 (CI installs both); returns why not when they are missing.
 */
import { existsSync } from 'node:fs';

const ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** Installs navigator.gpu backed by Dawn; resolves null on success or the reason it cannot. */
export async function installNodeWebGpu(): Promise<string | null> {
  if (!existsSync(ICD)) return `no SwiftShader Vulkan driver at ${ICD} (install Debian's chromium)`;
  if (!existsSync('/usr/lib/x86_64-linux-gnu/libvulkan.so.1') && !existsSync('/usr/lib/aarch64-linux-gnu/libvulkan.so.1')) {
    return 'no Vulkan loader libvulkan.so.1 (install Debian\'s libvulkan1)';
  }
  process.env.VK_ICD_FILENAMES ??= ICD;
  try {
    const { create, globals } = (await import('webgpu')) as { create: (o: string[]) => GPU; globals: Record<string, unknown> };
    Object.assign(globalThis, globals);
    const gpu = create([]);
    // Node 20's navigator is a read-only getter
    Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: 'node' }, configurable: true, writable: true });
    const adapter = await gpu.requestAdapter();
    return adapter ? null : 'Dawn found no adapter';
  } catch (e) {
    return `Dawn failed to load: ${e instanceof Error ? e.message : String(e)}`;
  }
}
