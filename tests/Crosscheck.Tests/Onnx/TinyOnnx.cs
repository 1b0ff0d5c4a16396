using System.Text;

namespace Crosscheck.Tests.Onnx;

/// <summary>
/// A minimal protobuf writer that emits ONNX ModelProto bytes by hand (no onnx package needed). Field numbers follow
/// onnx.proto: ModelProto{ir_version=1, producer_name=2, graph=7, opset_import=8}, OperatorSetIdProto{domain=1,
/// version=2}, GraphProto{node=1, name=2, initializer=5, input=11, output=12}, NodeProto{input=1, output=2, name=3,
/// op_type=4}, TensorProto{dims=1, data_type=2, name=8, raw_data=9}, ValueInfoProto{name=1, type=2},
/// TypeProto{tensor_type=1}, TypeProto.Tensor{elem_type=1, shape=2}, TensorShapeProto{dim=1},
/// Dimension{dim_value=1, dim_param=2}. Data types: FLOAT=1, INT64=7.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buf = new();

    public byte[] ToArray() => _buf.ToArray();

    private void Varint(ulong v)
    {
        while (v >= 0x80) { _buf.WriteByte((byte)(v | 0x80)); v >>= 7; }
        _buf.WriteByte((byte)v);
    }

    private void Tag(int field, int wire) => Varint((ulong)((field << 3) | wire));

    public ProtoWriter Int(int field, long value) { Tag(field, 0); Varint(unchecked((ulong)value)); return this; }

    public ProtoWriter Bytes(int field, byte[] value) { Tag(field, 2); Varint((ulong)value.Length); _buf.Write(value); return this; }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, Action<ProtoWriter> build)
    {
        var inner = new ProtoWriter();
        build(inner);
        return Bytes(field, inner.ToArray());
    }
}

/// <summary>Builds tiny ONNX graphs (opset 13, IR version 8) out of named float initializers and plain nodes.</summary>
internal sealed class TinyGraph
{
    public const int Float = 1, Int64 = 7;

    private readonly List<(string Op, string[] In, string[] Out)> _nodes = [];
    private readonly List<(string Name, int[] Dims, float[] Data)> _inits = [];
    private readonly List<(string Name, int Type, object[] Dims)> _inputs = [], _outputs = [];

    public TinyGraph Input(string name, int type, params object[] dims) { _inputs.Add((name, type, dims)); return this; }
    public TinyGraph Output(string name, int type, params object[] dims) { _outputs.Add((name, type, dims)); return this; }
    public TinyGraph Initializer(string name, int[] dims, float[] data) { _inits.Add((name, dims, data)); return this; }
    public TinyGraph Node(string op, string[] inputs, string[] outputs) { _nodes.Add((op, inputs, outputs)); return this; }

    public byte[] ToModel() => new ProtoWriter()
        .Int(1, 8)
        .String(2, "crosscheck-tests")
        .Message(7, g =>
        {
            int k = 0;
            foreach (var (op, ins, outs) in _nodes)
                g.Message(1, n =>
                {
                    foreach (var i in ins) n.String(1, i);
                    foreach (var o in outs) n.String(2, o);
                    n.String(3, $"n{k++}");
                    n.String(4, op);
                });
            g.String(2, "tiny");
            foreach (var (name, dims, data) in _inits)
                g.Message(5, t =>
                {
                    foreach (var d in dims) t.Int(1, d);
                    t.Int(2, Float);
                    t.String(8, name);
                    var raw = new byte[data.Length * 4];
                    Buffer.BlockCopy(data, 0, raw, 0, raw.Length);
                    if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("raw_data is little-endian");
                    t.Bytes(9, raw);
                });
            foreach (var v in _inputs) g.Message(11, w => ValueInfo(w, v));
            foreach (var v in _outputs) g.Message(12, w => ValueInfo(w, v));
        })
        .Message(8, o => { o.String(1, ""); o.Int(2, 13); })
        .ToArray();

    private static void ValueInfo(ProtoWriter w, (string Name, int Type, object[] Dims) v)
    {
        w.String(1, v.Name);
        w.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int(1, v.Type);
            tensor.Message(2, shape =>
            {
                foreach (var d in v.Dims)
                    shape.Message(1, dim => { if (d is int i) dim.Int(1, i); else dim.String(2, (string)d); });
            });
        }));
    }
}
