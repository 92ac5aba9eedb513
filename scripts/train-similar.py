"""Learn plumb-shape's projection from Rust-dumped POJ-104 features.

Input: target/similar-train/{train,valid}.{bin,labels} written by
`cargo run --release -p plumb-shape --example dump_features` (the very
feature extraction Plumb runs). Learns on train only:
sublinear TF-IDF -> L2 -> truncated SVD -> LDA, composed into one linear map,
reports MAP@R (R = 499) on valid, and writes crates/shape/model/shape.bin
(format: see crates/shape/src/model.rs).
"""
import os
import struct
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

DIM = 1 << 16
SVD_DIMS = int(os.environ.get("SVD_DIMS", "1536"))
SOLVER = os.environ.get("LDA_SOLVER", "eigen")
SHRINK = os.environ.get("LDA_SHRINK", "auto")
OUT_DIMS = int(os.environ.get("OUT_DIMS", "0"))  # 0 = classes - 1


def load(prefix):
    raw = open(prefix + ".bin", "rb").read()
    rows, cols, vals = [], [], []
    at, r = 0, 0
    n = len(raw)
    while at < n:
        (nnz,) = struct.unpack_from("<I", raw, at)
        at += 4
        arr = np.frombuffer(raw, dtype=np.dtype([("b", "<u4"), ("c", "<f4")]), count=nnz, offset=at)
        at += 8 * nnz
        rows.append(np.full(nnz, r, dtype=np.int32))
        cols.append(arr["b"].astype(np.int32))
        vals.append(arr["c"].astype(np.float32))
        r += 1
    X = sp.csr_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(r, DIM))
    labels = [line.split()[1] for line in open(prefix + ".labels")]
    return X, np.array(labels)


def tfidf(X, idf):
    X = X.copy()
    X.data = (1.0 + np.log(X.data)) * idf[X.indices]
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ X


def map_at_r(V, labels):
    V = V / np.maximum(np.linalg.norm(V, axis=1, keepdims=True), 1e-12)
    S = V @ V.T
    np.fill_diagonal(S, -np.inf)
    n = len(labels)
    aps = []
    for i in range(n):
        rel_total = int((labels == labels[i]).sum()) - 1
        top = np.argpartition(-S[i], rel_total)[:rel_total]
        top = top[np.argsort(-S[i][top], kind="stable")]
        rel = labels[top] == labels[i]
        prec = np.cumsum(rel) / np.arange(1, rel_total + 1)
        aps.append((prec * rel).sum() / rel_total)
    return 100.0 * float(np.mean(aps))


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "target/similar-train"
    out = sys.argv[2] if len(sys.argv) > 2 else "crates/shape/model/shape.bin"
    t0 = time.time()
    Xtr, ytr = load(base + "/train")
    Xva, yva = load(base + "/valid")
    print(f"loaded train {Xtr.shape} nnz={Xtr.nnz}, valid {Xva.shape} in {time.time()-t0:.1f}s", flush=True)
    df = np.asarray((Xtr > 0).sum(axis=0)).ravel()
    n = Xtr.shape[0]
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    Ttr, Tva = tfidf(Xtr, idf), tfidf(Xva, idf)

    t1 = time.time()
    svd = TruncatedSVD(n_components=SVD_DIMS, algorithm="randomized", n_iter=5, random_state=0)
    Ztr = svd.fit_transform(Ttr)
    print(f"SVD {SVD_DIMS} in {time.time()-t1:.1f}s", flush=True)
    t1 = time.time()
    if SOLVER == "svd":
        lda = LinearDiscriminantAnalysis(solver="svd")
    else:
        shrink = "auto" if SHRINK == "auto" else float(SHRINK)
        lda = LinearDiscriminantAnalysis(solver="eigen", shrinkage=shrink)
    lda.fit(Ztr, ytr)
    k = OUT_DIMS or (len(np.unique(ytr)) - 1)
    S = lda.scalings_[:, :k]
    if SOLVER == "svd":
        bias = -(lda.xbar_ @ S)
    else:
        bias = -(Ztr.mean(axis=0) @ S)
    print(f"LDA ({SOLVER}) -> {k} dims in {time.time()-t1:.1f}s", flush=True)
    W = (svd.components_.T @ S).astype(np.float32)  # DIM x k
    # Evaluate exactly what Rust will compute (quantised weights).
    scale = np.abs(W).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    Wq = np.round(W / scale[:, None]).astype(np.int8)
    Wd = Wq.astype(np.float32) * scale[:, None]
    Vva = Tva @ Wd + bias
    print(f"valid MAP@R (Plumb, quantised model): {map_at_r(np.asarray(Vva), yva):.2f}", flush=True)
    with open(out, "wb") as f:
        f.write(b"PLSHAPE\0")
        f.write(struct.pack("<III", 1, DIM, k))
        f.write(idf.astype("<f4").tobytes())
        f.write(bias.astype("<f4").tobytes())
        f.write(scale.astype("<f4").tobytes())
        f.write(Wq.tobytes())
    print(f"wrote {out} ({os.path.getsize(out)/1e6:.1f} MB); total {time.time()-t0:.1f}s")


if __name__ == "__main__":
    main()
