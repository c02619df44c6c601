"""Trains Arbor's tiny Game of 24 model: `python3 scripts/tiny/train.py <stage> [data.json]`
with stage policy | sprm | export | all. Work files (logs, checkpoints) go to .tiny-work/.
Use Debian's /usr/bin/python3 with python3-torch (scripts/tiny/train.sh installs it)."""
import os
import sys
import time
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
torch.set_num_threads(2)

from arbor_tiny.policy import train_policy  # noqa: E402

WORK = os.environ.get("TINY_WORK", ".tiny-work")


def log(msg):
    line = f"{time.strftime('%H:%M:%S')} {msg}"
    print(line, flush=True)


def main():
    stage = sys.argv[1] if len(sys.argv) > 1 else "all"
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(WORK, "data.json")
    os.makedirs(WORK, exist_ok=True)
    if stage in ("policy", "all"):
        train_policy(data, WORK, log)
    if stage in ("sprm", "all"):
        from arbor_tiny.sprm import train_sprm
        train_sprm(data, WORK, log)
    if stage in ("export", "all"):
        from arbor_tiny.export import export
        export(data, WORK, log)


if __name__ == "__main__":
    main()
