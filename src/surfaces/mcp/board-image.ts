import { renderAsync } from '@resvg/resvg-js';

/** Width of the PNG an agent with vision gets: legible pads and traces, a few hundred kB at most. */
const PNG_WIDTH_PX = 1200;

/**
 * Rasterises a board SVG to PNG with resvg (on libuv's thread pool, off the event loop), on a white
 * background so a transparent board does not vanish in a dark viewer. System fonts are loaded so the
 * silkscreen references stay readable (with none, resvg drops text).
 */
export async function svgToPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, { fitTo: { mode: 'width', value: PNG_WIDTH_PX }, background: 'white' });
  return image.asPng();
}

/** MCP `image` content of a board picture (MCP spec, "Tools": image content). */
export async function imageContent(svg: string) {
  return { type: 'image' as const, data: (await svgToPng(svg)).toString('base64'), mimeType: 'image/png' };
}
