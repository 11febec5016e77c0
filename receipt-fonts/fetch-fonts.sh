#!/usr/bin/env bash
# Fetches the receipt fonts from the npm registry (Google's Noto families as packaged by @expo-google-fonts, which
# ship plain TTF files), checks each file against its pinned SHA-256 and copies it into the jar's resources.
# Called by the Maven build (generate-resources); a second build finds the files in place and does nothing.
# npm keeps the tarballs in its cache (~/.npm), so an offline rebuild after `mvn clean` works too (--prefer-offline).
# Usage: fetch-fonts.sh <output resource folder>
set -euo pipefail
out="$1/com/patientpayments/receipt/fonts"
work="$(dirname "$1")/font-packages"
mkdir -p "$out" "$work"

# package@version | file inside the package | name in the jar | SHA-256
fonts=(
  "@expo-google-fonts/noto-sans@0.4.2|400Regular/NotoSans_400Regular.ttf|NotoSans-Regular.ttf|fe8c022f48d8dd29f17b744d16f9346f4357e16f7d4f7be58b000ae7c291b614"
  "@expo-google-fonts/noto-sans@0.4.2|700Bold/NotoSans_700Bold.ttf|NotoSans-Bold.ttf|13a813c49624ae3ba3c5c6e72c5ebffc4b9e1e6ea32f421c04069b037c6ad431"
  "@expo-google-fonts/noto-sans-sc@0.4.3|400Regular/NotoSansSC_400Regular.ttf|NotoSansSC-Regular.ttf|d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16"
  "@expo-google-fonts/noto-sans-jp@0.4.3|400Regular/NotoSansJP_400Regular.ttf|NotoSansJP-Regular.ttf|d930d5d52d15231c283089760f84584272ad5e37e14607ba0d19c798e7a9caec"
  "@expo-google-fonts/noto-sans-kr@0.4.3|400Regular/NotoSansKR_400Regular.ttf|NotoSansKR-Regular.ttf|8cbc9b353bb9ce848fd69bb6a507319dfacc659cf5fd643db5d88f3c4970e1dd"
)

verified() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }

for entry in "${fonts[@]}"; do
  IFS='|' read -r pkg file name sha <<<"$entry"
  if verified "$out/$name" "$sha"; then
    continue
  fi
  dir="$work/$(echo "$pkg" | tr '/@' '__')"
  if [ ! -f "$dir/package/$file" ]; then
    command -v npm >/dev/null || { echo "receipt-fonts: npm is needed to fetch the fonts (as for the SPA)" >&2; exit 1; }
    mkdir -p "$dir"
    tarball="$(cd "$dir" && npm pack --silent --prefer-offline --no-audit --no-fund "$pkg" | tail -n 1)"
    tar -xzf "$dir/$tarball" -C "$dir"
    rm -f "$dir/$tarball"
  fi
  cp "$dir/package/$file" "$out/$name"
  if ! verified "$out/$name" "$sha"; then
    echo "receipt-fonts: $pkg $file does not match its pinned SHA-256" >&2
    rm -f "$out/$name"
    exit 1
  fi
  cp "$dir/package/LICENSE_FONT" "$out/OFL.txt"
  echo "receipt-fonts: $name from $pkg"
done
