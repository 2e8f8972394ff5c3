import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { VERTEX_BYTES, VERTEX_LAYOUT, type CellMesh } from '../core/hotspots/cellMesh';
import { CELL_MARK_TILES } from './cellMarks';

/** Cell edges are drawn once cells are large on screen; zoomed out they would hide small cells. */
const EDGE_MIN_ZOOM = 12;
/** Half the edge line's width, in CSS pixels (each of two neighbours draws its half). */
const EDGE_HALF_WIDTH = 0.25;
/** The outline of chosen cells (priority places), in CSS pixels inside their rims. */
const OUTLINE_WIDTH = 2;
/** MapLibre's tile size: the world is TILE_SIZE · 2^zoom CSS pixels wide. */
const TILE_SIZE = 512;

const VERTEX_SHADER = `#version 300 es
uniform mat4 u_matrix;
uniform float u_world_size;
uniform vec2 u_pattern_origin;
in vec2 a_offset;
in vec4 a_colour;
in vec2 a_mark_centre;
out vec4 v_colour;
out vec2 v_pattern;
flat out float v_mark;
out float v_centre;
void main() {
  gl_Position = u_matrix * vec4(a_offset, 0.0, 1.0);
  v_colour = a_colour;
  v_pattern = a_offset * u_world_size + u_pattern_origin;
  v_mark = a_mark_centre.x;
  v_centre = a_mark_centre.y;
}`;

// Colours leave premultiplied, as the map blends them. Marks come from the same 8-pixel tiles as
// the legend, anchored to the world so they move with the map. A cell's rim is where its fan's
// centre weight reaches 0; the weight changes linearly across each triangle, so the weight over its
// screen gradient is the distance to the rim in pixels. The outline pass draws chosen cells' fans
// again, inked only near the rim.
const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform float u_opacity;
uniform float u_edge_half_width;
uniform sampler2D u_marks;
uniform vec4 u_outline;
uniform float u_outline_width;
in vec4 v_colour;
in vec2 v_pattern;
flat in float v_mark;
in float v_centre;
out vec4 fragColor;
float toRim() {
  return v_centre / length(vec2(dFdx(v_centre), dFdy(v_centre)));
}
void main() {
  if (u_outline.a > 0.0) {
    float ink = clamp(u_outline_width + 0.5 - toRim(), 0.0, 1.0);
    if (ink == 0.0) discard;
    fragColor = u_outline * ink;
    return;
  }
  float alpha = v_colour.a * u_opacity;
  vec4 colour = vec4(v_colour.rgb * alpha, alpha);
  if (v_mark > 0.5) {
    ivec2 texel = ivec2(mod(floor(v_pattern), 8.0)) + ivec2(8 * (int(v_mark + 0.5) - 1), 0);
    vec4 ink = texelFetch(u_marks, texel, 0);
    colour = vec4(ink.rgb * ink.a, ink.a) + colour * (1.0 - ink.a);
  }
  if (u_edge_half_width > 0.0) {
    float edge = 0.7 * clamp(u_edge_half_width + 0.5 - toRim(), 0.0, 1.0);
    colour = vec4(edge) + colour * (1.0 - edge);
  }
  fragColor = colour;
}`;

interface GpuState {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  indexBuffer: WebGLBuffer;
  /** The same vertices, with the outlined cells' fans as indices. */
  outlineVao: WebGLVertexArrayObject;
  outlineIndexBuffer: WebGLBuffer;
  marks: WebGLTexture;
  uniforms: Record<'matrix' | 'worldSize' | 'patternOrigin' | 'opacity' | 'edgeHalfWidth' | 'marks' | 'outline' | 'outlineWidth', WebGLUniformLocation | null>;
  /** The mesh and the outline now in the buffers. */
  uploaded: CellMesh | null;
  uploadedOutline: Uint32Array | null;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('The map could not create a shader.');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) throw new Error(`The hotspot shader did not compile: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

/** The 16 × 8 texture of the hot (left) and cold (right) mark tiles. */
function markTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const { hot, cold } = CELL_MARK_TILES;
  const atlas = new Uint8Array(16 * 8 * 4);
  for (let y = 0; y < 8; y++) {
    atlas.set(hot.data.subarray(y * 32, y * 32 + 32), y * 64);
    atlas.set(cold.data.subarray(y * 32, y * 32 + 32), y * 64 + 32);
  }
  const texture = gl.createTexture();
  gl.activeTexture(gl.TEXTURE0);
  gl.bindTexture(gl.TEXTURE_2D, texture);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 16, 8, 0, gl.RGBA, gl.UNSIGNED_BYTE, atlas);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  return texture;
}

function setUp(gl: WebGL2RenderingContext): GpuState {
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, VERTEX_SHADER));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER));
  gl.linkProgram(program);
  // A program that did not link would draw nothing without a word: say so instead.
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) throw new Error(`The hotspot shaders did not link: ${gl.getProgramInfoLog(program)}`);
  const buffer = gl.createBuffer();
  /** A vertex array over the vertices with its own indices: drawing binds the array, and so the indices. */
  const vertexArray = (indexBuffer: WebGLBuffer): WebGLVertexArrayObject => {
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
    const attribute = (name: string, size: number, type: number, normalised: boolean, offset: number) => {
      const location = gl.getAttribLocation(program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, type, normalised, VERTEX_BYTES, offset);
    };
    attribute('a_offset', 2, gl.FLOAT, false, VERTEX_LAYOUT.offset);
    attribute('a_colour', 4, gl.UNSIGNED_BYTE, true, VERTEX_LAYOUT.colour);
    attribute('a_mark_centre', 2, gl.UNSIGNED_BYTE, false, VERTEX_LAYOUT.mark);
    gl.bindVertexArray(null);
    return vao;
  };
  const indexBuffer = gl.createBuffer();
  const outlineIndexBuffer = gl.createBuffer();
  const at = (name: string) => gl.getUniformLocation(program, name);
  return {
    program,
    vao: vertexArray(indexBuffer),
    buffer,
    indexBuffer,
    outlineVao: vertexArray(outlineIndexBuffer),
    outlineIndexBuffer,
    marks: markTexture(gl),
    uniforms: {
      matrix: at('u_matrix'),
      worldSize: at('u_world_size'),
      patternOrigin: at('u_pattern_origin'),
      opacity: at('u_opacity'),
      edgeHalfWidth: at('u_edge_half_width'),
      marks: at('u_marks'),
      outline: at('u_outline'),
      outlineWidth: at('u_outline_width'),
    },
    uploaded: null,
    uploadedOutline: null,
  };
}

/**
 * The map's clip-space matrix for offsets from the mesh origin: computed in doubles here, so the
 * float32 matrix the GPU gets is exact where the cells are (the world matrix would lose metres).
 */
function originMatrix(viewProjection: ArrayLike<number>, worldSize: number, originX: number, originY: number): Float32Array {
  const m = new Float32Array(16);
  for (let row = 0; row < 4; row++) {
    m[row] = viewProjection[row] * worldSize;
    m[4 + row] = viewProjection[4 + row] * worldSize;
    m[8 + row] = viewProjection[8 + row];
    m[12 + row] = (viewProjection[row] * originX + viewProjection[4 + row] * originY) * worldSize + viewProjection[12 + row];
  }
  return m;
}

/**
 * The hotspot cells, drawn straight from a CellMesh: one upload and one draw call however many
 * cells; chosen cells (priority places) are outlined in a second call, in the same frame as the cells.
 */
export class CellMeshLayer implements CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private map: MapLibreMap | null = null;
  private gpu: GpuState | null = null;
  private mesh: CellMesh | null = null;
  /** Fans of the outlined cells, indices into the mesh's vertices (see cellFans). */
  private outline: Uint32Array | null = null;
  private opacity = 0.75;
  private readonly outlineColour: readonly number[];

  /** `outlineColour`: RGBA bytes (see colourBytes). */
  constructor(
    readonly id: string,
    outlineColour: readonly number[],
  ) {
    const alpha = outlineColour[3] / 255;
    this.outlineColour = [0, 1, 2].map((i) => (outlineColour[i] / 255) * alpha).concat(alpha);
  }

  onAdd(map: MapLibreMap): void {
    this.map = map;
    // A lost context takes every GPU object with it; they are made again on the next frame.
    map.on('webglcontextlost', this.forget);
  }

  onRemove(map: MapLibreMap, gl: WebGL2RenderingContext): void {
    map.off('webglcontextlost', this.forget);
    if (this.gpu && !gl.isContextLost()) {
      gl.deleteProgram(this.gpu.program);
      gl.deleteVertexArray(this.gpu.vao);
      gl.deleteVertexArray(this.gpu.outlineVao);
      gl.deleteBuffer(this.gpu.buffer);
      gl.deleteBuffer(this.gpu.indexBuffer);
      gl.deleteBuffer(this.gpu.outlineIndexBuffer);
      gl.deleteTexture(this.gpu.marks);
    }
    this.forget();
    this.map = null;
  }

  private readonly forget = (): void => {
    this.gpu = null;
  };

  /** Cells and the fans of those outlined; false when the layer already had no cells and gets none: nothing to redraw. */
  setMesh(mesh: CellMesh | null, outline: Uint32Array | null): boolean {
    if (!mesh && !this.mesh) return false;
    this.mesh = mesh;
    this.outline = outline;
    this.map?.triggerRepaint();
    return true;
  }

  /** Outlines other cells of the same mesh (fans from cellFans). */
  setOutline(outline: Uint32Array | null): void {
    if (!outline?.length && !this.outline?.length) return;
    this.outline = outline;
    this.map?.triggerRepaint();
  }

  setOpacity(opacity: number): void {
    this.opacity = opacity;
    this.map?.triggerRepaint();
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const mesh = this.mesh;
    if (!mesh || mesh.fanIndexCount === 0 || !this.map) return;
    const gpu = (this.gpu ??= setUp(gl));
    gl.useProgram(gpu.program);
    gl.bindVertexArray(gpu.vao);
    if (gpu.uploaded !== mesh) {
      gl.bindBuffer(gl.ARRAY_BUFFER, gpu.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, mesh.vertices, gl.STATIC_DRAW);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, mesh.indices, gl.STATIC_DRAW);
      gpu.uploaded = mesh;
    }
    const zoom = this.map.getZoom();
    const worldSize = TILE_SIZE * 2 ** zoom;
    const { uniforms } = gpu;
    gl.uniformMatrix4fv(uniforms.matrix, false, originMatrix(options.modelViewProjectionMatrix, worldSize, mesh.originX, mesh.originY));
    gl.uniform1f(uniforms.worldSize, worldSize);
    // The pattern's phase at the origin, taken in doubles (the world is millions of pixels wide).
    gl.uniform2f(uniforms.patternOrigin, (mesh.originX * worldSize) % 8, (mesh.originY * worldSize) % 8);
    gl.uniform1f(uniforms.opacity, this.opacity);
    const edges = zoom >= EDGE_MIN_ZOOM;
    gl.uniform1f(uniforms.edgeHalfWidth, edges ? EDGE_HALF_WIDTH * this.map.getPixelRatio() : 0);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, gpu.marks);
    gl.uniform1i(uniforms.marks, 0);
    gl.uniform4f(uniforms.outline, 0, 0, 0, 0);
    // Edges are found from the fans' centres; without edges, the fewer corners-only triangles do.
    if (edges) gl.drawElements(gl.TRIANGLES, mesh.fanIndexCount, gl.UNSIGNED_INT, 0);
    else gl.drawElements(gl.TRIANGLES, mesh.cornerIndexCount, gl.UNSIGNED_INT, mesh.fanIndexCount * 4);
    const outline = this.outline;
    if (outline?.length) {
      gl.bindVertexArray(gpu.outlineVao);
      if (gpu.uploadedOutline !== outline) {
        gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, outline, gl.DYNAMIC_DRAW);
        gpu.uploadedOutline = outline;
      }
      const [r, g, b, a] = this.outlineColour;
      gl.uniform4f(uniforms.outline, r, g, b, a);
      gl.uniform1f(uniforms.outlineWidth, OUTLINE_WIDTH * this.map.getPixelRatio());
      gl.drawElements(gl.TRIANGLES, outline.length, gl.UNSIGNED_INT, 0);
    }
    gl.bindVertexArray(null);
  }
}
