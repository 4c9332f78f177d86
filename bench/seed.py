"""Every finding of ``mtcheck lint --lang en`` on the seed article (shared/seeds).

    python bench/seed.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path


def main():
    seed = next((Path(__file__).resolve().parents[2] / "shared/seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "o.json"
        subprocess.run([sys.executable, "-m", "mtcheck", "lint", str(seed), "--lang", "en", "-f", "json", "-o", str(out)],
                       check=True, stderr=subprocess.DEVNULL)
        art = json.loads(out.read_text(encoding="utf-8"))["articles"][0]
    text = art["text"]["mt"]
    print(f"verdict: {art['verdict']}, {len(art['findings'])} findings\n")
    print("| rule | severity | text | suggestion |")
    print("|---|---|---|---|")
    for f in art["findings"]:
        s, e = f["mt_span"] if f["mt_span"] else (0, 0)
        ctx = text[max(0, s - 12) : e + 12].replace("\n", " ").replace("|", "/")
        print(f"| {f['rule']} | {f['severity']} | `…{ctx}…` | `{f['suggestion'] or ''}` |")


if __name__ == "__main__":
    main()
