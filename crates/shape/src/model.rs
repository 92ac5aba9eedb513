//! The shipped learned projection (model/shape.bin, trained on POJ-104 train
//! by scripts/train-similar.sh) and the encoded vector format. Owns loading,
//! projecting sparse features to a dense unit vector, and (de)serialising
//! vectors; knows nothing about trees.

use std::sync::OnceLock;

use crate::concepts::Concepts;
use crate::features::{DIM, Sparse};

const MODEL_BYTES: &[u8] = include_bytes!("../model/shape.bin");
const MAGIC: &[u8; 8] = b"PLSHAPE\0";

/// The learned map: TF-IDF weighting, then one linear projection.
pub struct Model {
    pub version: u32,
    pub dim_out: usize,
    bias: Vec<f32>,
    /// Per bucket, one contiguous row (one or two cache lines):
    /// idf and scale as f32, then `dim_out` i8 weights.
    rows: Vec<u8>,
    stride: usize,
}

fn read_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn read_f32s(b: &[u8], at: usize, n: usize) -> Option<Vec<f32>> {
    let bytes = b.get(at..at + 4 * n)?;
    Some(
        bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
    )
}

impl Model {
    /// Parse a model file; `None` if it is not a valid model for this feature space.
    pub fn parse(b: &[u8]) -> Option<Model> {
        if b.get(..8)? != MAGIC {
            return None;
        }
        let version = read_u32(b, 8)?;
        let dim_in = read_u32(b, 12)? as usize;
        let dim_out = read_u32(b, 16)? as usize;
        if dim_in != DIM || dim_out == 0 || dim_out > 255 {
            return None;
        }
        let mut at = 20;
        let idf = read_f32s(b, at, dim_in)?;
        at += 4 * dim_in;
        let bias = read_f32s(b, at, dim_out)?;
        at += 4 * dim_out;
        let scale = read_f32s(b, at, dim_in)?;
        at += 4 * dim_in;
        let weights = b.get(at..at + dim_in * dim_out)?;
        let stride = 8 + dim_out;
        let mut rows = Vec::with_capacity(dim_in * stride);
        for r in 0..dim_in {
            rows.extend(idf[r].to_le_bytes());
            rows.extend(scale[r].to_le_bytes());
            rows.extend(&weights[r * dim_out..(r + 1) * dim_out]);
        }
        Some(Model {
            version,
            dim_out,
            bias,
            rows,
            stride,
        })
    }

    /// Sublinear TF-IDF, L2-normalised, projected, L2-normalised.
    pub fn project(&self, sparse: &Sparse) -> Vec<f32> {
        let d = self.dim_out;
        let mut y = vec![0f32; d];
        let mut norm2 = 0f32;
        // Accumulate unnormalised, then scale once: the projection is linear.
        for (k, &(b, c)) in sparse.iter().enumerate() {
            // Rows are scattered over a few MB: fetch a few ahead.
            #[cfg(target_arch = "x86_64")]
            if let Some(&(nb, _)) = sparse.get(k + 6) {
                let p = self.rows.as_ptr().wrapping_add(nb as usize * self.stride);
                // SAFETY: prefetch is a hint and never faults; `p` points into `rows`.
                unsafe {
                    use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
                    _mm_prefetch::<_MM_HINT_T0>(p as *const i8);
                    _mm_prefetch::<_MM_HINT_T0>(p.wrapping_add(64) as *const i8);
                }
            }
            let at = b as usize * self.stride;
            let row = &self.rows[at..at + self.stride];
            let idf = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            let scale = f32::from_le_bytes([row[4], row[5], row[6], row[7]]);
            let v = (1.0 + c.ln()) * idf;
            norm2 += v * v;
            let s = v * scale;
            for (acc, w) in y.iter_mut().zip(&row[8..]) {
                *acc += s * (*w as i8 as f32);
            }
        }
        let inv = if norm2 > 0.0 { 1.0 / norm2.sqrt() } else { 0.0 };
        for acc in y.iter_mut() {
            *acc *= inv;
        }
        for (acc, b) in y.iter_mut().zip(&self.bias) {
            *acc += b;
        }
        normalize(&mut y);
        y
    }
}

pub fn normalize(v: &mut [f32]) {
    let n: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v.iter_mut() {
            *x /= n;
        }
    }
}

/// The shipped model, or `None` if the embedded file is not a valid model.
pub fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::parse(MODEL_BYTES)).as_ref()
}

const FORMAT: u8 = 1;
const MAX_CALLS: usize = 16;

/// Encode a unit vector and its concepts:
/// `[format u8][d u8][d x i8][flags u32 LE][n u8]([len u8][name])*n`.
pub fn encode(v: &[f32], c: &Concepts) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + v.len() + 6 + 64);
    out.push(FORMAT);
    out.push(v.len() as u8);
    let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
    let k = if max > 0.0 { 127.0 / max } else { 0.0 };
    out.extend(v.iter().map(|x| (x * k).round() as i8 as u8));
    out.extend(c.flags.to_le_bytes());
    let calls: Vec<&String> = c.calls.iter().take(MAX_CALLS).collect();
    out.push(calls.len() as u8);
    for name in calls {
        let mut end = name.len().min(40);
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        out.push(end as u8);
        out.extend(&name.as_bytes()[..end]);
    }
    out
}

/// The quantised components of an encoded vector (one `i8` per dimension,
/// stored as bytes), or `None` if the bytes are not one. [`dense`] of a
/// vector equals these components as `f32`, normalised.
pub fn components(bytes: &[u8]) -> Option<&[u8]> {
    if bytes.first() != Some(&FORMAT) {
        return None;
    }
    let d = *bytes.get(1)? as usize;
    bytes.get(2..2 + d)
}

/// The dense unit vector of an encoded vector, or `None` if the bytes are not one.
pub fn dense(bytes: &[u8]) -> Option<Vec<f32>> {
    if bytes.first() != Some(&FORMAT) {
        return None;
    }
    let d = *bytes.get(1)? as usize;
    let mut v: Vec<f32> = bytes
        .get(2..2 + d)?
        .iter()
        .map(|x| *x as i8 as f32)
        .collect();
    normalize(&mut v);
    Some(v)
}

/// The concepts and calls stored in an encoded vector.
pub fn concepts(bytes: &[u8]) -> Option<Concepts> {
    if bytes.first() != Some(&FORMAT) {
        return None;
    }
    let d = *bytes.get(1)? as usize;
    let mut at = 2 + d;
    let flags = read_u32(bytes, at)?;
    at += 4;
    let n = *bytes.get(at)? as usize;
    at += 1;
    let mut calls = Vec::with_capacity(n);
    for _ in 0..n {
        let len = *bytes.get(at)? as usize;
        at += 1;
        calls.push(String::from_utf8_lossy(bytes.get(at..at + len)?).into_owned());
        at += len;
    }
    Some(Concepts {
        flags,
        calls,
        statements: 0,
    })
}
