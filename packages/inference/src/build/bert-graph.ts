// Writes a BERT encoder (as Hugging Face's BertModel computes it) as an ONNX graph at opset 17.
// Attention, LayerNormalization and GELU (erf form) stay plain ONNX ops: onnxruntime's
// graphOptimizationLevel 'all' fuses them, and hand-written com.microsoft fusions measured slower.
import onnxProto, { type onnx as OnnxTypes } from 'onnx-proto';
import { quantizeLinearWeight, transpose } from './quantize.js';

const { onnx } = onnxProto;
const DT = onnx.TensorProto.DataType;
const ATTR = onnx.AttributeProto.AttributeType;

export interface BertConfig {
  hidden_size: number;
  num_hidden_layers: number;
  num_attention_heads: number;
  intermediate_size: number;
  layer_norm_eps: number;
}

export type GraphVariant = 'fp32' | 'int8';
export type WeightSource = (name: string) => Float32Array;

type Attr = number | number[];

/** Accumulates nodes and initializers; every node output gets a unique, deterministic name. */
class GraphBuilder {
  readonly nodes: OnnxTypes.INodeProto[] = [];
  readonly initializers: OnnxTypes.ITensorProto[] = [];
  private counter = 0;

  tensor(name: string, dims: number[], dataType: number, data: ArrayBufferView): string {
    this.initializers.push({ name, dims, dataType, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
    return name;
  }

  float(name: string, dims: number[], data: Float32Array): string {
    return this.tensor(name, dims, DT.FLOAT, data);
  }

  ints(name: string, values: number[]): string {
    return this.tensor(name, [values.length], DT.INT64, BigInt64Array.from(values.map(BigInt)));
  }

  scalar(name: string, value: number): string {
    return this.tensor(name, [], DT.FLOAT, Float32Array.of(value));
  }

  node(op: string, inputs: string[], attrs: Record<string, Attr> = {}, domain = ''): string {
    const output = `${op}_${this.counter++}`;
    const attribute = Object.entries(attrs).map(([name, v]) => {
      if (Array.isArray(v)) return { name, type: ATTR.INTS, ints: v };
      return Number.isInteger(v) ? { name, type: ATTR.INT, i: v } : { name, type: ATTR.FLOAT, f: v };
    });
    this.nodes.push({ opType: op, input: inputs, output: [output], name: output, attribute, domain });
    return output;
  }
}

interface LayerContext {
  g: GraphBuilder;
  weight: WeightSource;
  config: BertConfig;
  variant: GraphVariant;
  /** Linear layers (by weight prefix) kept in fp32 in the int8 variant. */
  keepFloat: (prefix: string) => boolean;
}

/** x @ W^T + b, as MatMul + Add (fp32) or one DynamicQuantizeMatMul (int8). */
function linear({ g, weight, variant, keepFloat }: LayerContext, x: string, prefix: string, inDim: number, outDim: number): string {
  const bias = g.float(`${prefix}.bias`, [outDim], weight(`${prefix}.bias`));
  const w = weight(`${prefix}.weight`);
  if (variant === 'fp32' || keepFloat(prefix)) {
    const wt = g.float(`${prefix}.weight_t`, [inDim, outDim], transpose(w, outDim, inDim));
    return g.node('Add', [g.node('MatMul', [x, wt]), bias]);
  }
  const q = quantizeLinearWeight(w, outDim, inDim);
  const inputs = [
    x,
    g.tensor(`${prefix}.weight_q`, [inDim, outDim], DT.INT8, q.values),
    g.float(`${prefix}.weight_scale`, [outDim], q.scales),
    g.tensor(`${prefix}.weight_zero_point`, [outDim], DT.INT8, new Int8Array(outDim)),
    bias,
  ];
  return g.node('DynamicQuantizeMatMul', inputs, {}, 'com.microsoft');
}

function layerNorm({ g, weight, config }: LayerContext, x: string, prefix: string): string {
  const h = config.hidden_size;
  const scale = g.float(`${prefix}.weight`, [h], weight(`${prefix}.weight`));
  const bias = g.float(`${prefix}.bias`, [h], weight(`${prefix}.bias`));
  return g.node('LayerNormalization', [x, scale, bias], { axis: -1, epsilon: config.layer_norm_eps });
}

function embeddings(ctx: LayerContext): string {
  const { g, weight } = ctx;
  const table = (n: string) => {
    const data = weight(`embeddings.${n}_embeddings.weight`);
    return g.float(`embeddings.${n}_embeddings.weight`, [data.length / ctx.config.hidden_size, ctx.config.hidden_size], data);
  };
  const word = g.node('Gather', [table('word'), 'input_ids']);
  const seqLen = g.node('Squeeze', [g.node('Gather', [g.node('Shape', ['input_ids']), 'const_one'], { axis: 0 }), 'const_zero']);
  const positions = g.node('Range', ['const_zero_scalar', seqLen, 'const_one_scalar']);
  const sum = g.node('Add', [g.node('Add', [word, g.node('Gather', [table('position'), positions])]), g.node('Gather', [table('token_type'), 'token_type_ids'])]);
  return layerNorm(ctx, sum, 'embeddings.LayerNorm');
}

function encoderLayer(ctx: LayerContext, x: string, maskBias: string, l: number): string {
  const { g, config } = ctx;
  const h = config.hidden_size;
  const p = `encoder.layer.${l}`;
  const heads = (t: string, perm: number[]) => g.node('Transpose', [g.node('Reshape', [t, 'const_heads_shape'])], { perm });
  const q = heads(linear(ctx, x, `${p}.attention.self.query`, h, h), [0, 2, 1, 3]);
  const k = heads(linear(ctx, x, `${p}.attention.self.key`, h, h), [0, 2, 3, 1]);
  const v = heads(linear(ctx, x, `${p}.attention.self.value`, h, h), [0, 2, 1, 3]);
  const scores = g.node('Add', [g.node('Mul', [g.node('MatMul', [q, k]), 'const_attention_scale']), maskBias]);
  const context = g.node('MatMul', [g.node('Softmax', [scores], { axis: -1 }), v]);
  const merged = g.node('Reshape', [g.node('Transpose', [context], { perm: [0, 2, 1, 3] }), 'const_hidden_shape']);
  const attended = layerNorm(ctx, g.node('Add', [linear(ctx, merged, `${p}.attention.output.dense`, h, h), x]), `${p}.attention.output.LayerNorm`);
  const inner = linear(ctx, attended, `${p}.intermediate.dense`, h, config.intermediate_size);
  const erf = g.node('Erf', [g.node('Div', [inner, 'const_sqrt2'])]);
  const gelu = g.node('Mul', [g.node('Mul', [inner, 'const_half']), g.node('Add', [erf, 'const_one_f'])]);
  const out = linear(ctx, gelu, `${p}.output.dense`, config.intermediate_size, h);
  return layerNorm(ctx, g.node('Add', [out, attended]), `${p}.output.LayerNorm`);
}

function addConstants(g: GraphBuilder, config: BertConfig): void {
  const headDim = config.hidden_size / config.num_attention_heads;
  g.ints('const_one', [1]);
  g.ints('const_zero', [0]);
  g.ints('const_mask_axes', [1, 2]);
  g.ints('const_heads_shape', [0, 0, config.num_attention_heads, headDim]);
  g.ints('const_hidden_shape', [0, 0, config.hidden_size]);
  g.tensor('const_zero_scalar', [], DT.INT64, BigInt64Array.of(0n));
  g.tensor('const_one_scalar', [], DT.INT64, BigInt64Array.of(1n));
  g.scalar('const_one_f', 1);
  g.scalar('const_half', 0.5);
  g.scalar('const_sqrt2', Math.SQRT2);
  g.scalar('const_attention_scale', 1 / Math.sqrt(headDim));
  g.scalar('const_mask_value', -10000);
}

/** The whole model as serialized ONNX bytes. */
export function buildBertOnnx(config: BertConfig, weight: WeightSource, variant: GraphVariant, keepFloat: (prefix: string) => boolean = () => false): Uint8Array {
  const g = new GraphBuilder();
  const ctx: LayerContext = { g, weight, config, variant, keepFloat };
  addConstants(g, config);
  let x = embeddings(ctx);
  const mask = g.node('Cast', ['attention_mask'], { to: DT.FLOAT });
  const maskBias = g.node('Unsqueeze', [g.node('Mul', [g.node('Sub', ['const_one_f', mask]), 'const_mask_value']), 'const_mask_axes']);
  for (let l = 0; l < config.num_hidden_layers; l++) x = encoderLayer(ctx, x, maskBias, l);
  g.nodes.push({ opType: 'Identity', input: [x], output: ['last_hidden_state'], name: 'output', attribute: [], domain: '' });

  const dims = (names: Array<string | number>) => ({ dim: names.map((n) => (typeof n === 'string' ? { dimParam: n } : { dimValue: n })) });
  const graph: OnnxTypes.IGraphProto = {
    name: 'bert_encoder',
    node: g.nodes,
    initializer: g.initializers,
    input: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({
      name, type: { tensorType: { elemType: DT.INT64, shape: dims(['batch_size', 'sequence_length']) } },
    })),
    output: [{ name: 'last_hidden_state', type: { tensorType: { elemType: DT.FLOAT, shape: dims(['batch_size', 'sequence_length', config.hidden_size]) } } }],
  };
  const opsetImport = [{ domain: '', version: 17 }, ...(variant === 'int8' ? [{ domain: 'com.microsoft', version: 1 }] : [])];
  const model = onnx.ModelProto.create({ irVersion: 8, producerName: 'txcat', producerVersion: '1', opsetImport, graph });
  return onnx.ModelProto.encode(model).finish();
}
