#!/usr/bin/python3
"""Writes a BERT-base-shaped token-classification model folder with RANDOM weights, for timing only.

Its graph has the shapes and operators of a Hugging Face BERT export such as dslim/bert-base-NER (12 layers,
hidden 768, 12 heads, feed-forward 3072, 9 CoNLL labels), so ONNX Runtime does the same work per token; its labels
are noise. The vocabulary is made from the words of a CoNLL-2003 file plus single-character pieces, so it
tokenises news into a realistic-ish number of pieces (report WordPiece tokens/s, the figure that does not depend
on the vocabulary).

usage: /usr/bin/python3 tools/onnx/bert_shaped_ner.py OUT_DIR [CONLL_TRAIN_FILE] [--layers N]
needs: apt-get install python3-onnx (brings numpy)
"""
import json
import os
import sys
from collections import Counter

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

LABELS = ["O", "B-MISC", "I-MISC", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
HIDDEN, HEADS, FFN, MAX_POS = 768, 12, 3072, 512


def vocab_from(conll, size=28996):
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    chars, words = set(), Counter()
    if conll and os.path.exists(conll):
        with open(conll, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if not parts or parts[0] == "-DOCSTART-":
                    continue
                words[parts[0]] += 1
                chars.update(parts[0])
    chars.update("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:'\"-()!?&$%/")
    pieces = sorted(chars) + ["##" + c for c in sorted(chars)]
    room = size - len(specials) - len(pieces)
    top = [w for w, _ in words.most_common() if len(w) > 1][: max(room, 0)]
    return specials + pieces + sorted(top)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    layers = 12
    if "--layers" in sys.argv:
        layers = int(sys.argv[sys.argv.index("--layers") + 1])
        args = [a for a in args if a != str(layers)]
    out = args[0]
    conll = args[1] if len(args) > 1 else None
    os.makedirs(out, exist_ok=True)
    vocab = vocab_from(conll)
    with open(os.path.join(out, "vocab.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(vocab) + "\n")

    rng = np.random.default_rng(0)
    inits, nodes = [], []

    def w(name, *shape, scale=0.02):
        inits.append(numpy_helper.from_array((rng.standard_normal(shape) * scale).astype(np.float32), name))
        return name

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def node(op, ins, out_name, **attrs):
        nodes.append(helper.make_node(op, ins, [out_name], name=out_name, **attrs))
        return out_name

    def ones(name, n):
        inits.append(numpy_helper.from_array(np.ones(n, np.float32), name))
        return name

    def zeros(name, n):
        inits.append(numpy_helper.from_array(np.zeros(n, np.float32), name))
        return name

    def layer_norm(x, prefix):
        return node("LayerNormalization", [x, ones(prefix + ".g", HIDDEN), zeros(prefix + ".b", HIDDEN)], prefix + ".out", axis=-1, epsilon=1e-12)

    def dense(x, prefix, n_in, n_out):
        m = node("MatMul", [x, w(prefix + ".w", n_in, n_out)], prefix + ".mm")
        return node("Add", [m, zeros(prefix + ".bias", n_out)], prefix + ".out")

    we = node("Gather", [w("emb.word", len(vocab), HIDDEN), "input_ids"], "emb.we")
    shape = node("Shape", ["input_ids"], "emb.shape")
    seq = node("Gather", [shape, const("c.one", np.array(1, np.int64))], "emb.seq")
    pos_ids = node("Range", [const("c.zero", np.array(0, np.int64)), seq, const("c.step", np.array(1, np.int64))], "emb.pos_ids")
    pe = node("Gather", [w("emb.pos", MAX_POS, HIDDEN), pos_ids], "emb.pe")
    te = node("Gather", [w("emb.type", 2, HIDDEN), "token_type_ids"], "emb.te")
    x = node("Add", [node("Add", [we, pe], "emb.sum1"), te], "emb.sum2")
    x = layer_norm(x, "emb.ln")

    maskf = node("Cast", ["attention_mask"], "mask.f", to=TensorProto.FLOAT)
    inv = node("Sub", [const("c.onef", np.array(1.0, np.float32)), maskf], "mask.inv")
    bias = node("Mul", [inv, const("c.neg", np.array(-10000.0, np.float32))], "mask.neg")
    bias = node("Unsqueeze", [bias, const("c.axes12", np.array([1, 2], np.int64))], "mask.bias")

    split_heads = const("c.heads", np.array([0, 0, HEADS, HIDDEN // HEADS], np.int64))
    merge_heads = const("c.merge", np.array([0, 0, HIDDEN], np.int64))
    scale = const("c.scale", np.array(np.sqrt(HIDDEN // HEADS), np.float32))
    half = const("c.half", np.array(0.5, np.float32))
    sqrt2 = const("c.sqrt2", np.array(np.sqrt(2.0), np.float32))
    onef = "c.onef"
    for i in range(layers):
        p = f"l{i}"
        q = node("Transpose", [node("Reshape", [dense(x, p + ".q", HIDDEN, HIDDEN), split_heads], p + ".qr")], p + ".qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [node("Reshape", [dense(x, p + ".k", HIDDEN, HIDDEN), split_heads], p + ".kr")], p + ".kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [dense(x, p + ".v", HIDDEN, HIDDEN), split_heads], p + ".vr")], p + ".vt", perm=[0, 2, 1, 3])
        s = node("Add", [node("Div", [node("MatMul", [q, k], p + ".qk"), scale], p + ".qks"), bias], p + ".qkm")
        a = node("Softmax", [s], p + ".sm", axis=-1)
        c = node("MatMul", [a, v], p + ".ctx")
        c = node("Reshape", [node("Transpose", [c], p + ".ctxt", perm=[0, 2, 1, 3]), merge_heads], p + ".ctxr")
        x = layer_norm(node("Add", [x, dense(c, p + ".o", HIDDEN, HIDDEN)], p + ".res1"), p + ".ln1")
        h = dense(x, p + ".ff1", HIDDEN, FFN)
        erf = node("Erf", [node("Div", [h, sqrt2], p + ".gd")], p + ".erf")
        h = node("Mul", [node("Mul", [h, half], p + ".gh"), node("Add", [erf, onef], p + ".ge")], p + ".gelu")
        x = layer_norm(node("Add", [x, dense(h, p + ".ff2", FFN, HIDDEN)], p + ".res2"), p + ".ln2")
    logits = dense(x, "cls", HIDDEN, len(LABELS))
    nodes.append(helper.make_node("Identity", [logits], ["logits"], name="logits"))

    ids = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "sequence"]) for n in ("input_ids", "attention_mask", "token_type_ids")]
    graph = helper.make_graph(nodes, "bert_shaped_ner", ids,
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "sequence", len(LABELS)])], inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="crosscheck-bert-shaped")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, os.path.join(out, "model.onnx"))
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump({"model_type": "bert", "note": "random weights, for timing only", "max_position_embeddings": MAX_POS,
                   "num_hidden_layers": layers, "id2label": {str(i): l for i, l in enumerate(LABELS)}}, f, indent=1)
    with open(os.path.join(out, "tokenizer_config.json"), "w") as f:
        json.dump({"do_lower_case": False, "model_max_length": MAX_POS}, f)
    print(f"{out}: {layers} layers, vocab {len(vocab)}, {sum(t.ByteSize() for t in inits) / 1e6:.0f} MB of weights")


if __name__ == "__main__":
    main()
