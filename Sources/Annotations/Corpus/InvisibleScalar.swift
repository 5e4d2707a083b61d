/// The invisible characters that change or hide how text reads: the one definition used wherever
/// text from a corpus, a session or a user must not hide itself — session names refuse them
/// (``SessionPaths/path(for:in:)``), export file names percent-encode them
/// (``ExportText/fileName(_:)``), the review page isolates names that hold a bidi control in
/// `<bdi>` (``ExportText/htmlIsolated(_:)``) and shows the separators as breaks. The terminal
/// sanitiser shows every one of them as `<U+XXXX>` (it replaces all of general category Cf and the
/// separators; a test checks that it covers each scalar here).
public enum InvisibleScalar: Sendable, Hashable, CaseIterable {
    /// Bidi embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069): their effect
    /// lasts until closed, so one left open reorders the text after it.
    case bidiControl
    /// Bidi marks: ARABIC LETTER MARK U+061C, LEFT-TO-RIGHT MARK U+200E, RIGHT-TO-LEFT MARK U+200F.
    /// Strong directional characters without a glyph: they change how neutral characters and
    /// digits beside them are ordered.
    case bidiMark
    /// Other format characters without a glyph: soft hyphen U+00AD, MONGOLIAN VOWEL SEPARATOR
    /// U+180E, zero-width space U+200B, word joiner and invisible operators U+2060–U+2064, the
    /// deprecated format characters U+206A–U+206F (symmetric swapping, shaping and digit shapes),
    /// zero-width no-break space (byte-order mark) U+FEFF, and the interlinear annotation marks
    /// U+FFF9–U+FFFB. The zero-width joiner and non-joiner of emoji sequences and scripts are not
    /// among them.
    case hiddenFormat
    /// LINE SEPARATOR U+2028 and PARAGRAPH SEPARATOR U+2029: breaks to Unicode, but neither a
    /// break nor a mark in HTML, most terminals and file listings.
    case separator

    /// What kind of invisible character `scalar` is; nil for every other scalar.
    @inline(__always)
    public static func kind(of scalar: Unicode.Scalar) -> InvisibleScalar? {
        let value = scalar.value
        guard value >= 0xAD else { return nil }
        switch value {
        case 0x202A...0x202E, 0x2066...0x2069: return .bidiControl
        case 0x061C, 0x200E, 0x200F: return .bidiMark
        case 0x00AD, 0x180E, 0x200B, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0xFFF9...0xFFFB: return .hiddenFormat
        case 0x2028, 0x2029: return .separator
        default: return nil
        }
    }

    /// Whether `scalar` is a bidi embedding, override or isolate (``bidiControl``).
    @inline(__always)
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        kind(of: scalar) == .bidiControl
    }

    /// Whether `scalar` is a C0 or C1 control character or DEL (U+0000–U+001F, U+007F–U+009F):
    /// refused in session names (``SessionPaths/path(for:in:)``) and in people's names.
    @inline(__always)
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` may not stand in a person's name (an annotator's, a reviewer's, an
    /// adjudicator's): a control character (``isControl(_:)``), or a bidi control, which reorders
    /// what follows it wherever the name is shown (a table of annotators, an exported file) so that
    /// it reads as another name. The one rule for every such name.
    @inline(__always)
    public static func isRefusedInName(_ scalar: Unicode.Scalar) -> Bool {
        isControl(scalar) || isBidiControl(scalar)
    }

    /// Whether `scalar` is an invisible format character: a bidi control or mark, or another
    /// hidden format character (``bidiControl``, ``bidiMark``, ``hiddenFormat``; not the separators).
    @inline(__always)
    public static func isHiddenFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch kind(of: scalar) {
        case .bidiControl, .bidiMark, .hiddenFormat: true
        case .separator, nil: false
        }
    }

    /// Whether `scalar` is any of the invisible characters, the separators included.
    @inline(__always)
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        kind(of: scalar) != nil
    }

    /// Every scalar of this kind, in order (found through ``kind(of:)``: all of them lie in the
    /// Basic Multilingual Plane).
    public var scalars: [Unicode.Scalar] {
        (UInt32(0xAD)...0xFFFF).compactMap(Unicode.Scalar.init).filter { Self.kind(of: $0) == self }
    }
}
