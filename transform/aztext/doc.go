// Package aztext normalises Azerbaijani text so that analysts can trust
// what they read and search.
//
// Normalize gives the display form of one field or paragraph: valid UTF-8
// (invalid bytes read as Windows-1254), NFC, look-alike letters (Cyrillic
// ә, turned ǝ, and ä where the text is Azerbaijani) replaced by ə, mojibake
// repaired, invisible characters dropped and whitespace collapsed; its doc
// comment lists every rule. NormalizeDoc does the same for all
// fields of one document, deciding the ä question once for the document.
// Both are idempotent. Callers keep the original text next to the
// normalised one (hesabat.Cell.Raw).
//
// Lower and Upper change case by Azerbaijani rules (İ↔i, I↔ı); never use
// strings.ToLower or strings.EqualFold on Azerbaijani text. Key and
// LooseKey build comparison keys, for matching table headings; Fold maps a
// single look-alike rune.
//
// Every function is safe for concurrent use.
package aztext

// BUG(aztext): the ä→ə decision is taken per field (Normalize) or per
// document (NormalizeDoc), not per word: a German name such as "Bär" in an
// Azerbaijani sentence without German words becomes "Bər".

// BUG(aztext): a Cyrillic ә that forms a word on its own, or sits between
// Latin letters, is taken for ə even in Kazakh or Tatar text.

// BUG(aztext): mojibake repair can alter genuine text that happens to spell
// a repairable sequence, such as a Serbian word beginning "Гњ" (the
// Windows-1251 mojibake of "Ü"). Such sequences are vanishingly rare in
// Azerbaijani, Russian or English text.
