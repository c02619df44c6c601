#!/bin/sh
# One command for Arbor's tiny model: installs Debian's torch (and OpenBLAS, 4x faster than
# the generic BLAS) when missing, exports the training data from the project's exact solver,
# then trains the policy and the SPRM head and exports ONNX + manifest to public/models/tiny24/.
# Logs and checkpoints go to .tiny-work/ (gitignored); a rerun resumes from the checkpoints.
set -eu
cd "$(dirname "$0")/../.."
if ! /usr/bin/python3 -c 'import torch, numpy, onnx' 2>/dev/null || ! ldconfig -p | grep -q libopenblas; then
  apt-get install -y python3-torch python3-numpy python3-onnx libopenblas0-pthread
fi
mkdir -p .tiny-work
npx tsx scripts/tiny/export-data.ts .tiny-work/data.json
/usr/bin/python3 scripts/tiny/train.py "${1:-all}" .tiny-work/data.json 2>&1 | tee -a .tiny-work/train.log
