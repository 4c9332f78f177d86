"""House-style glossaries: required renderings (Kyiv, not Kiev)."""
