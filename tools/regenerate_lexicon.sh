#!/bin/sh
# Regenerates assets/lexicon/zipf_by_value.txt from assets/lexicon/fr_words.txt and
# en_words.txt (run it after tools/build_gazetteers.py), from the repository root.
# The same test, run without the variable, checks that the file is up to date.
set -e
cd "$(dirname "$0")/.."
touch assets/lexicon/zipf_by_value.txt
VIGIE_REGENERATE_ASSETS=1 cargo test --release --lib lexicon::tests::zipf_by_value_is_made_from_the_lists
