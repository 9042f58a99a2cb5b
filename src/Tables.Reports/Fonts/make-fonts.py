#!/usr/bin/python3
"""Cuts Source Sans 3 (SIL OFL 1.1, npm package `source-sans` 3.52.0, folder TTF/) down to the characters French
and English reports need, and renames it "Tables Sans": the OFL reserves the name "Source" for unmodified fonts.

Skia embeds a face whole in every PDF (ENVIRONMENT.md), so the smaller the face the smaller the report.
Run from this folder:  npm pack source-sans@3.52.0 && tar xzf source-sans-3.52.0.tgz && ./make-fonts.py package/TTF
(Debian: apt-get install python3-fonttools).
"""
import copy
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

# Latin-1 + Latin Extended-A (œ, Œ…), general punctuation (narrow no-break space U+202F, – — ’ “ ” … •), €,
# arrows, minus, ≤ ≥, ✓, ■ ●.
UNICODES = "U+0020-007E,U+00A0-017F,U+2000-206F,U+20AC,U+2190-2193,U+2212,U+2264,U+2265,U+2713,U+25A0,U+25CF"
FACES = {"Regular": ("Regular", "SourceSans3-Regular.ttf"),
         "Bold": ("Bold", "SourceSans3-Bold.ttf"),
         "Italic": ("Italic", "SourceSans3-It.ttf")}

source = sys.argv[1] if len(sys.argv) > 1 else "package/TTF"
for style, (subfamily, file) in FACES.items():
    options = subset.Options()
    options.hinting = False          # PDF viewers do not use TrueType hinting at these sizes
    options.layout_features = []     # no shaping: French needs none (ENVIRONMENT.md)
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = TTFont(f"{source}/{file}")
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
    subsetter.subset(font)
    # Source Sans draws U+00A0 with the glyph of the space: a PDF maps each glyph back to one character, so the
    # no-break space would come back as a plain space when text is copied or searched. Give it its own glyph.
    cmap = font.getBestCmap()
    if cmap.get(0xA0) == cmap.get(0x20):
        order = font.getGlyphOrder()
        font["glyf"].glyphs["uni00A0"] = copy.deepcopy(font["glyf"]["space"])
        font["hmtx"].metrics["uni00A0"] = font["hmtx"].metrics["space"]
        font.setGlyphOrder(order + ["uni00A0"])
        font["glyf"].glyphOrder = font.getGlyphOrder()
        for table in font["cmap"].tables:
            if 0xA0 in table.cmap:
                table.cmap[0xA0] = "uni00A0"
    names = font["name"]
    family, postscript = "Tables Sans", f"TablesSans-{style}"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 2 or record.nameID == 17:
            names.setName(subfamily, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{postscript};derived from Source Sans 3 3.052", 3, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            names.setName(f"{family} {subfamily}", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
    font.save(f"TablesSans-{style}.ttf")
    print(f"TablesSans-{style}.ttf")
