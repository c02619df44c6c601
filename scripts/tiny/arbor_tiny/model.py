"""A small decoder-only transformer (GPT-2 shape, pre-LayerNorm, learned positions) with an
explicit key/value cache, and MetaStone-S1's SPRM head (Wang et al., 2025, arXiv 2507.01951):
a small MLP on the backbone's second-to-last hidden state that scores each step where it
ends. The forward pass returns the logits, the head's score at every position and the new
cache, so a search gets its step score with the step and the ONNX export has the same shape."""
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d: int, heads: int):
        super().__init__()
        self.heads = heads
        self.scale = 1.0 / math.sqrt(d // heads)
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, 4 * d)
        self.out = nn.Linear(4 * d, d)

    def forward(self, x, past_k, past_v, mask):
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q = q.view(b, t, h, d // h).transpose(1, 2)
        k = torch.cat([past_k, k.view(b, t, h, d // h).transpose(1, 2)], dim=2)
        v = torch.cat([past_v, v.view(b, t, h, d // h).transpose(1, 2)], dim=2)
        att = (q @ k.transpose(2, 3)) * self.scale + mask
        y = F.softmax(att, dim=-1) @ v
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, d))
        x = x + self.out(F.gelu(self.fc(self.ln2(x))))
        return x, k, v


class TinyGPT(nn.Module):
    def __init__(self, vocab: int, d: int = 128, layers: int = 4, heads: int = 4,
                 max_len: int = 96, head_hidden: int = 64):
        super().__init__()
        self.d, self.layers_n, self.heads, self.max_len = d, layers, heads, max_len
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(max_len, d)
        self.blocks = nn.ModuleList(Block(d, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(d)
        self.lm_head = nn.Linear(d, vocab, bias=False)
        self.lm_head.weight = self.tok.weight
        self.sprm = nn.Sequential(nn.Linear(d, head_hidden), nn.GELU(), nn.Linear(head_hidden, 1))
        self.apply(self._init)

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)
        if isinstance(m, nn.Linear) and m.bias is not None:
            nn.init.zeros_(m.bias)

    def empty_cache(self, batch: int):
        shape = (batch, self.heads, 0, self.d // self.heads)
        return [torch.zeros(shape) for _ in range(2 * self.layers_n)]

    def features(self, ids, past):
        """Final hidden state, the second-to-last block's output and the new cache."""
        b, t = ids.shape
        p = past[0].shape[2]
        pos = torch.arange(p, p + t).unsqueeze(0)
        x = self.tok(ids) + self.pos(pos)
        # Causal mask over past + new positions: new token i sees past and new tokens ≤ i.
        cols = torch.arange(p + t).unsqueeze(0)
        rows = torch.arange(p, p + t).unsqueeze(1)
        # Float32 throughout (a float64 constant would make the ONNX graph mix types).
        mask = (cols > rows).to(torch.float32) * -1e9
        present = []
        penultimate = x
        for i, block in enumerate(self.blocks):
            if i == len(self.blocks) - 1:
                penultimate = x
            x, k, v = block(x, past[2 * i], past[2 * i + 1], mask)
            present += [k, v]
        return self.ln_f(x), penultimate, present

    def forward(self, ids, past):
        """logits [b, t, vocab], SPRM score in (0, 1) [b, t], present cache."""
        h, pen, present = self.features(ids, past)
        return self.lm_head(h), torch.sigmoid(self.sprm(pen).squeeze(-1)), present

    def head_logit(self, penultimate):
        return self.sprm(penultimate).squeeze(-1)
